package io.xunshi.inspection;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The planning service's side of the shared log, for tests: a plain {@link KafkaProducer} that sends records
 * in CloudEvents binary mode, with the headers the planning service's outbox relay writes
 * ({@code io.xunshi.kernel.outbox.CloudEventHeaders}).
 */
public final class PlanningTopic implements AutoCloseable {

    public static final String TOPIC = "xunshi.planning.events";

    private final KafkaProducer<String, String> producer;

    public PlanningTopic() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    /** The headers of a planning event: every value given is sent, a null one is left out. */
    public static Map<String, String> headers(UUID id, String cloudEventType, String subject, String jurisdiction) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ce_specversion", "1.0");
        headers.put("ce_id", id.toString());
        headers.put("ce_source", "urn:xunshi:planning");
        headers.put("ce_type", cloudEventType);
        headers.put("ce_subject", subject);
        headers.put("ce_time", Instant.now().toString());
        headers.put("content-type", "application/json");
        headers.put("ce_jurisdiction", jurisdiction);
        headers.put("ce_aggregatetype", "Round");
        headers.put("ce_aggregateversion", "2");
        return headers;
    }

    /** Sends one record without waiting; records of one key keep their order. */
    public Future<RecordMetadata> send(String key, String value, Map<String, String> headers) {
        ProducerRecord<String, String> record = new ProducerRecord<>(TOPIC, key, value);
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
        } catch (Exception e) {
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
