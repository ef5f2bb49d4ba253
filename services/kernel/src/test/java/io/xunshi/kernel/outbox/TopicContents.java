package io.xunshi.kernel.outbox;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a whole topic with a plain Kafka consumer, as a downstream service would, up to its current end. */
final class TopicContents {

    private TopicContents() {
    }

    /** Every record on the topic now, each partition in offset order, partition after partition. */
    static List<ConsumerRecord<String, String>> read(String bootstrapServers, String topic) {
        Properties props = new Properties();
        props.putAll(io.xunshi.testing.TestInfrastructure.outsiderKafkaConfig());
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<String, String>> read = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).collect(Collectors.toList());
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(read::add);
            }
        }
        return read;
    }

    /** Waits until every one of the event ids is on the topic, and returns the whole topic as then read. */
    static List<ConsumerRecord<String, String>> awaitEvents(String bootstrapServers, String topic,
            Collection<UUID> eventIds) {
        List<String> wanted = eventIds.stream().map(UUID::toString).toList();
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .until(() -> read(bootstrapServers, topic),
                        records -> records.stream().map(r -> header(r, "ce_id")).collect(Collectors.toSet())
                                .containsAll(wanted));
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    static Map<String, String> headers(ConsumerRecord<String, String> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        return headers;
    }

    /** The records of one stream (key), in the order its partition holds them. */
    static List<ConsumerRecord<String, String>> ofStream(List<ConsumerRecord<String, String>> records,
            String streamId) {
        return records.stream().filter(r -> streamId.equals(r.key())).toList();
    }
}
