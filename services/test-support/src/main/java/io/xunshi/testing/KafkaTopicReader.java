package io.xunshi.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * An independent Kafka client — a plain {@link KafkaConsumer}, not the service's own messaging — that
 * reads a topic from its beginning, as any downstream consumer of the shared log would.
 */
public final class KafkaTopicReader {

    private KafkaTopicReader() {
    }

    /**
     * Reads {@code topic} from the beginning until a record matching {@code wanted} shows up, and returns
     * every record read so far; fails if none matches within {@code timeout}.
     */
    public static List<ConsumerRecord<String, String>> readUntil(String bootstrapServers, String topic,
            Predicate<ConsumerRecord<String, String>> wanted, Duration timeout) {
        Properties props = new Properties();
        props.putAll(TestInfrastructure.outsiderKafkaConfig());
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "xunshi-test-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<String, String>> read = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer())) {
            Instant deadline = Instant.now().plus(timeout);
            List<TopicPartition> partitions = List.of();
            while (partitions.isEmpty() && Instant.now().isBefore(deadline)) {
                partitions = consumer.partitionsFor(topic, Duration.ofSeconds(5)).stream()
                        .map(p -> new TopicPartition(p.topic(), p.partition()))
                        .collect(Collectors.toList());
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    read.add(record);
                    if (wanted.test(record)) {
                        return read;
                    }
                }
            }
            Map<Integer, Long> perPartition = read.stream()
                    .collect(Collectors.groupingBy(ConsumerRecord::partition, TreeMap::new, Collectors.counting()));
            Map<Integer, Long> ends = new TreeMap<>();
            consumer.endOffsets(partitions).forEach((p, end) -> ends.put(p.partition(), end));
            throw new AssertionError("no matching record on " + topic + " within " + timeout + "; read " + read.size()
                    + " (per partition " + perPartition + ", end offsets " + ends + ")");
        }
    }
}
