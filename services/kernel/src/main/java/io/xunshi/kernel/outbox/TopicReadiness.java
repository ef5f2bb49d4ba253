package io.xunshi.kernel.outbox;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * Waits, before a producer sends its first record, until every partition of its topic takes writes.
 *
 * <p>A topic that was created a moment ago — typically by the broker on the producer's own first metadata
 * request, where {@code auto.create.topics.enable} is on — is listed with a leader slightly before that
 * leader hosts the partition. An idempotent producer with several requests in flight can then have its first
 * request to a partition refused ({@code NOT_LEADER_OR_FOLLOWER}) and its second accepted; every retry of
 * the first then fails with {@code OUT_OF_ORDER_SEQUENCE_NUMBER} until {@code delivery.timeout.ms} (two
 * minutes) gives up on it (KAFKA-15591). For the relay that is a two-minute
 * stall with a backlog in hand, and a batch published again.
 *
 * <p>A partition's leader answers ListOffsets, as it answers produce requests, only once it hosts the
 * partition; once it has answered for every partition, no first request can be refused that way.
 */
final class TopicReadiness {

    private TopicReadiness() {
    }

    /**
     * Fetches the topic's partitions through {@code producer} (creating the topic where the broker creates
     * topics on first use; failing after {@code max.block.ms} where it does not), then asks each partition's
     * leader for its end offset until all have answered.
     *
     * @return the number of partitions
     * @throws TopicNotWritable if the topic does not exist or not every leader answered within {@code timeout}
     */
    static int await(Producer<?, ?> producer, Map<String, Object> kafkaConfig, String topic, Duration timeout) {
        List<PartitionInfo> partitions;
        try {
            partitions = producer.partitionsFor(topic);
        } catch (RuntimeException e) {
            throw new TopicNotWritable(topic, e);
        }
        Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
        for (PartitionInfo p : partitions) {
            ends.put(new TopicPartition(p.topic(), p.partition()), OffsetSpec.latest());
        }
        try (Admin admin = Admin.create(adminConfig(kafkaConfig))) {
            // The admin client retries partitions whose leader does not host them yet, up to the timeout.
            admin.listOffsets(ends, new ListOffsetsOptions().timeoutMs((int) timeout.toMillis())).all()
                    .get(timeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new TopicNotWritable(topic, e.getCause());
        } catch (TimeoutException e) {
            throw new TopicNotWritable(topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TopicNotWritable(topic, e);
        }
        return partitions.size();
    }

    /** The keys of the service's Kafka configuration that an admin client knows. */
    static Map<String, Object> adminConfig(Map<String, Object> kafkaConfig) {
        Map<String, Object> admin = new HashMap<>();
        kafkaConfig.forEach((key, value) -> {
            if (AdminClientConfig.configNames().contains(key)) {
                admin.put(key, value);
            }
        });
        return admin;
    }

    /** The topic is missing, or some partition's leader did not answer in time. */
    static final class TopicNotWritable extends RuntimeException {

        TopicNotWritable(String topic, Throwable cause) {
            super("topic " + topic + " does not take writes on every partition yet: " + cause.getMessage(), cause);
        }
    }
}
