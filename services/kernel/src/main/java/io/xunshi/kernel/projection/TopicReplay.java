package io.xunshi.kernel.projection;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;

/**
 * Rebuilds a {@link TopicProjection}: re-reads its topic from the beginning, with a consumer of its own
 * ({@code assign} and {@code seekToBeginning}, no group), up to the end offsets found when it starts, into
 * the reset projection, and stores those end offsets with the rows, all in one transaction. Records
 * written after the start are left to the live feed, which resumes from the stored offsets. Each poll is
 * applied while the next one is fetched.
 */
final class TopicReplay {

    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration TIMEOUT = Duration.ofMinutes(1);
    /** Larger polls than the live feed's: a rebuild is throughput, not latency. */
    private static final int REBUILD_POLL_RECORDS = 2000;

    private final TopicProjection projection;
    private final TopicRecords records;
    private final Pool pool;
    private final Map<String, Object> kafkaConfig;

    TopicReplay(TopicProjection projection, TopicRecords records, Pool pool, Map<String, Object> kafkaConfig,
            String clientId) {
        this.projection = projection;
        this.records = records;
        this.pool = pool;
        this.kafkaConfig = new HashMap<>(kafkaConfig);
        this.kafkaConfig.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        this.kafkaConfig.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, REBUILD_POLL_RECORDS);
    }

    /** Runs the rebuild; the number of records read. */
    long run() {
        try (KafkaConsumer<String, String> reader = new KafkaConsumer<>(kafkaConfig, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = reader.partitionsFor(projection.topic(), TIMEOUT).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            reader.assign(partitions);
            reader.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = reader.endOffsets(partitions);
            SqlConnection conn = pool.getConnection().await().atMost(TIMEOUT);
            try {
                return replayInto(conn, reader, end);
            } finally {
                conn.close().await().atMost(TIMEOUT);
            }
        }
    }

    private long replayInto(SqlConnection conn, KafkaConsumer<String, String> reader, Map<TopicPartition, Long> end) {
        Transaction tx = conn.begin().await().atMost(TIMEOUT);
        try {
            TopicOffsets.clear(conn, projection.name(), projection.topic())
                    .call(() -> projection.reset(conn)).await().atMost(TIMEOUT);
            long read = 0;
            CompletableFuture<?> applying = CompletableFuture.completedFuture(null);
            while (!reachedEnd(reader, end)) {
                List<ConsumerRecord<String, String>> batch = new ArrayList<>();
                for (ConsumerRecord<String, String> record : reader.poll(POLL)) {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                        batch.add(record);
                    }
                }
                // The next poll runs while PostgreSQL applies this batch; batches are applied in order.
                applying.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                applying = records.applyRecords(conn, batch).subscribeAsCompletionStage();
                read += batch.size();
            }
            applying.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            Map<Integer, Long> next = new HashMap<>();
            end.forEach((partition, offset) -> next.put(partition.partition(), offset));
            TopicOffsets.save(conn, projection.name(), projection.topic(), next).await().atMost(TIMEOUT);
            tx.commit().await().atMost(TIMEOUT);
            return read;
        } catch (RuntimeException failure) {
            tx.rollback().onFailure().recoverWithNull().await().atMost(TIMEOUT);
            throw failure;
        } catch (ExecutionException | TimeoutException failure) {
            tx.rollback().onFailure().recoverWithNull().await().atMost(TIMEOUT);
            throw new IllegalStateException("rebuilding " + projection.name() + " failed: " + failure.getMessage(),
                    failure.getCause() != null ? failure.getCause() : failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            tx.rollback().onFailure().recoverWithNull().await().atMost(TIMEOUT);
            throw new IllegalStateException("rebuilding " + projection.name() + " was interrupted", interrupted);
        }
    }

    private static boolean reachedEnd(KafkaConsumer<String, String> reader, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> reader.position(e.getKey()) >= e.getValue());
    }
}
