package io.xunshi.kernel.outbox;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.smallrye.common.annotation.Identifier;

/**
 * Opens the relay's Kafka producers from Quarkus' Kafka configuration (every {@code kafka.*} key).
 *
 * <p>The relay uses a plain {@link KafkaProducer} rather than a reactive-messaging emitter: it sends a
 * whole batch and then waits for every acknowledgement at once, which keeps it close to a raw producer's
 * throughput, and it runs on a thread of its own, so the blocking calls never touch the event loop.
 * Ordering per key survives retries because the producer is idempotent with at most five requests in
 * flight, which Kafka keeps in order per partition. A producer is handed out only once every partition of
 * the topic takes writes ({@link TopicReadiness}).
 */
@ApplicationScoped
public class EventLogProducers {

    private final Map<String, Object> kafkaConfig;
    private final String topic;
    private final String serviceName;

    @Inject
    public EventLogProducers(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
            @ConfigProperty(name = "xunshi.kafka.topic") String topic,
            @ConfigProperty(name = "xunshi.service.name") String serviceName) {
        this.kafkaConfig = kafkaConfig;
        this.topic = topic;
        this.serviceName = serviceName;
    }

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

    /**
     * Opens a producer for the service's topic once every partition of the topic takes writes.
     *
     * @throws TopicReadiness.TopicNotWritable if the topic is missing or a partition's leader did not answer
     *     within 30 seconds
     */
    public EventLogProducer open() {
        Map<String, Object> config = new HashMap<>(kafkaConfig);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "xunshi-" + serviceName + "-outbox-relay");
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                new StringSerializer());
        try {
            TopicReadiness.await(producer, kafkaConfig, topic, READY_TIMEOUT);
        } catch (RuntimeException e) {
            producer.close(Duration.ZERO);
            throw e;
        }
        return new EventLogProducer(producer, topic, CloudEventHeaders.source(serviceName));
    }

    public String topic() {
        return topic;
    }
}
