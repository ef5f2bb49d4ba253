package io.xunshi.kernel.deadletter;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.smallrye.common.annotation.Identifier;

/**
 * Writes a record to a dead-letter topic the way the messaging connector's dead-letter strategy does — the
 * original key, value and headers, plus {@code dead-letter-reason}, {@code dead-letter-topic},
 * {@code dead-letter-partition} and {@code dead-letter-offset} — for the consumers that are not messaging
 * channels (topic projections). Blocking: call it from a thread of one's own.
 */
@ApplicationScoped
public class DeadLetterPublisher {

    private static final long TIMEOUT_SECONDS = 30;

    private final Map<String, Object> kafkaConfig;
    private final String service;
    private KafkaProducer<String, String> producer;

    @Inject
    public DeadLetterPublisher(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
            @ConfigProperty(name = "xunshi.service.name") String service) {
        this.kafkaConfig = kafkaConfig;
        this.service = service;
    }

    /** Writes the letter and waits for the broker to acknowledge it; fails if it cannot within 30 s. */
    public void publish(String deadLetterTopic, ConsumerRecord<String, String> record, String reason) {
        ProducerRecord<String, String> letter = new ProducerRecord<>(deadLetterTopic, null, record.key(),
                record.value());
        for (Header header : record.headers()) {
            letter.headers().add(header);
        }
        letter.headers().add("dead-letter-reason", reason.getBytes(StandardCharsets.UTF_8));
        letter.headers().add("dead-letter-topic", record.topic().getBytes(StandardCharsets.UTF_8));
        letter.headers().add("dead-letter-partition",
                Integer.toString(record.partition()).getBytes(StandardCharsets.UTF_8));
        letter.headers().add("dead-letter-offset", Long.toString(record.offset()).getBytes(StandardCharsets.UTF_8));
        try {
            producer().send(letter).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dead-lettering to " + deadLetterTopic, e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("could not dead-letter to " + deadLetterTopic + ": " + e.getMessage(), e);
        }
    }

    private synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            Map<String, Object> config = new HashMap<>(kafkaConfig);
            config.put(ProducerConfig.CLIENT_ID_CONFIG, "xunshi-" + service + "-dead-letters");
            config.put(ProducerConfig.ACKS_CONFIG, "all");
            config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
        }
        return producer;
    }

    @PreDestroy
    synchronized void close() {
        if (producer != null) {
            producer.close(java.time.Duration.ofSeconds(5));
        }
    }
}
