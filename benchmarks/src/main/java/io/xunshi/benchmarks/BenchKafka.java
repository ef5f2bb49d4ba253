package io.xunshi.benchmarks;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The benchmark's Kafka clients: the topics, a raw producer configured exactly as the relay's own
 * ({@code io.xunshi.kernel.outbox.EventLogProducers}: acks=all, idempotent, five requests in flight,
 * 5 ms linger), so that the raw limit differs from the relay only in what the relay does around it, and
 * plain consumers.
 */
@ApplicationScoped
public class BenchKafka {

    /** The topic the raw producer of the relay-throughput scenario writes. */
    static final String RAW_THROUGHPUT_TOPIC = "xunshi.bench.raw-throughput";
    /** The topic the raw producer of the end-to-end latency scenario writes. */
    static final String RAW_LATENCY_TOPIC = "xunshi.bench.raw-latency";

    private final String bootstrapServers;
    private final String eventsTopic;

    @Inject
    public BenchKafka(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = "xunshi.kafka.topic") String eventsTopic) {
        this.bootstrapServers = bootstrapServers;
        this.eventsTopic = eventsTopic;
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    /** The service's topic, which the outbox relay writes. */
    String eventsTopic() {
        return eventsTopic;
    }

    /** Creates the relay's topic and the raw topics alike, before anything is timed. */
    void createTopics() throws InterruptedException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            for (String topic : List.of(eventsTopic, RAW_THROUGHPUT_TOPIC, RAW_LATENCY_TOPIC)) {
                try {
                    admin.createTopics(List.of(new NewTopic(topic, Infrastructure.PARTITIONS, (short) 1))).all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + topic, e.getCause());
                    }
                }
            }
        }
    }

    KafkaProducer<String, String> producerLikeTheRelay() {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "xunshi-bench-raw-producer");
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    KafkaConsumer<String, String> plainConsumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "xunshi-bench-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    }
}
