package io.xunshi.kernel;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Another service's side of the shared log, for tests: a plain {@link KafkaProducer} that sends records in
 * CloudEvents binary mode, as the sending service's outbox relay would.
 */
public final class CloudEventsOnKafka implements AutoCloseable {

    private final KafkaProducer<String, String> producer;

    public CloudEventsOnKafka() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    /** The headers of an event: every value given is sent, a null one is left out. */
    public static Map<String, String> headers(UUID id, String cloudEventType, String subject) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ce_specversion", "1.0");
        headers.put("ce_id", id.toString());
        headers.put("ce_type", cloudEventType);
        headers.put("ce_source", "/xunshi/kernel-test");
        headers.put("ce_subject", subject);
        headers.put("ce_time", Instant.parse("2026-01-15T08:00:00Z").toString());
        headers.put("ce_jurisdiction", "110000");
        headers.put("content-type", "application/json");
        return headers;
    }

    /** Sends one record without waiting; records of one key keep their order. */
    public Future<RecordMetadata> send(String topic, String key, String value, Map<String, String> headers) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        headers.forEach((name, text) -> {
            if (text != null) {
                record.headers().add(name, text.getBytes(StandardCharsets.UTF_8));
            }
        });
        return producer.send(record);
    }

    /** Waits for the broker's acknowledgement of a record sent. */
    public static RecordMetadata acknowledged(Future<RecordMetadata> sent) {
        try {
            return sent.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("a record was not acknowledged", e);
        }
    }

    /** Waits for every record sent to be acknowledged, then closes the producer. */
    @Override
    public void close() {
        producer.flush();
        producer.close();
    }
}
