package io.xunshi.kernel.deadletter;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.smallrye.common.annotation.Identifier;
import io.xunshi.kernel.api.ProblemException;
import io.xunshi.kernel.api.ProblemType;

/**
 * Reads dead-letter topics from Kafka, which is where dead letters live: a plain consumer without a group
 * (nothing is committed, nothing is removed), from the beginning to the end offsets it found on starting.
 */
@ApplicationScoped
public class DeadLetterLog {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(200);

    private final Map<String, Object> kafkaConfig;

    @Inject
    public DeadLetterLog(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        this.kafkaConfig = kafkaConfig;
    }

    /** Every record of the topic, in partition and offset order; none when the topic does not exist (yet). */
    public List<DeadLetter> readAll(DeadLetterTopics.Topic topic) {
        try (KafkaConsumer<String, String> consumer = open()) {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic.deadLetterTopic(), TIMEOUT);
            if (partitions == null || partitions.isEmpty()) {
                return List.of();
            }
            List<TopicPartition> assigned = partitions.stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            Map<TopicPartition, Long> ends = consumer.endOffsets(assigned, TIMEOUT);
            Map<TopicPartition, List<DeadLetter>> read = new HashMap<>();
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (!reachedEnd(consumer, ends)) {
                if (System.nanoTime() > deadline) {
                    throw new ProblemException(ProblemType.UNAVAILABLE, "the dead-letter topic "
                            + topic.deadLetterTopic() + " could not be read to its end within " + TIMEOUT.toSeconds()
                            + " s");
                }
                for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() < ends.getOrDefault(partition, 0L)) {
                        read.computeIfAbsent(partition, p -> new ArrayList<>()).add(letter(topic, record));
                    }
                }
            }
            List<DeadLetter> all = new ArrayList<>();
            assigned.stream().sorted(java.util.Comparator.comparingInt(TopicPartition::partition))
                    .forEach(p -> all.addAll(read.getOrDefault(p, List.of())));
            return topic.projection() ? firstOfEachSource(all) : all;
        } catch (org.apache.kafka.common.KafkaException e) {
            throw new ProblemException(ProblemType.UNAVAILABLE, "the dead-letter topic " + topic.deadLetterTopic()
                    + " cannot be read now: " + e.getMessage());
        }
    }

    /** The record at this partition and offset of the topic, if there is one. */
    public Optional<DeadLetter> read(DeadLetterTopics.Topic topic, int partition, long offset) {
        try (KafkaConsumer<String, String> consumer = open()) {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic.deadLetterTopic(), TIMEOUT);
            if (partitions == null || partitions.stream().noneMatch(p -> p.partition() == partition)) {
                return Optional.empty();
            }
            TopicPartition at = new TopicPartition(topic.deadLetterTopic(), partition);
            consumer.assign(List.of(at));
            long end = consumer.endOffsets(List.of(at), TIMEOUT).getOrDefault(at, 0L);
            if (offset < 0 || offset >= end) {
                return Optional.empty();
            }
            consumer.seek(at, offset);
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
                    if (record.offset() == offset) {
                        return Optional.of(letter(topic, record));
                    }
                    if (record.offset() > offset) {
                        return Optional.empty();
                    }
                }
                if (consumer.position(at) > offset) {
                    return Optional.empty();
                }
            }
            throw new ProblemException(ProblemType.UNAVAILABLE, "the dead letter could not be read within "
                    + TIMEOUT.toSeconds() + " s");
        } catch (org.apache.kafka.common.KafkaException e) {
            throw new ProblemException(ProblemType.UNAVAILABLE, "the dead-letter topic " + topic.deadLetterTopic()
                    + " cannot be read now: " + e.getMessage());
        }
    }

    /**
     * A topic projection that reads a batch again after a failure writes its letters again: the same source
     * record (topic, partition, offset) counts once, as its first letter.
     */
    private static List<DeadLetter> firstOfEachSource(List<DeadLetter> letters) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        List<DeadLetter> first = new ArrayList<>();
        for (DeadLetter letter : letters) {
            if (seen.add(letter.sourceTopic() + "/" + letter.sourcePartition() + "/" + letter.sourceOffset())) {
                first.add(letter);
            }
        }
        return first;
    }

    private static boolean reachedEnd(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> ends) {
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            if (consumer.position(end.getKey()) < end.getValue()) {
                return false;
            }
        }
        return true;
    }

    private static DeadLetter letter(DeadLetterTopics.Topic topic, ConsumerRecord<String, String> record) {
        return new DeadLetter(topic, record.partition(), record.offset(), Instant.ofEpochMilli(record.timestamp()),
                record.key(), record.value(), DeadLetter.copy(record.headers()));
    }

    private KafkaConsumer<String, String> open() {
        Map<String, Object> config = new HashMap<>(kafkaConfig);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "xunshi-dead-letter-reader");
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }
}
