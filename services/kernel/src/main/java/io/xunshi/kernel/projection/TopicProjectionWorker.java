package io.xunshi.kernel.projection;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.vertx.mutiny.sqlclient.Pool;
import io.xunshi.kernel.consumer.CloudEventDecoder;
import io.xunshi.kernel.eventstore.Upcasters;

/**
 * The thread that feeds one {@link TopicProjection}: a plain {@link KafkaConsumer} in the projection's own
 * consumer group, positioned from the offsets stored with the projection's rows (Kafka's committed
 * offsets are never used), applying each poll's records and the next offsets in one transaction.
 *
 * <p>Rebuilds run on this same thread, between polls, so the live feed is paused while one runs and
 * resumes from the offsets the rebuild stored. That control — pause, re-read with a second consumer, seek
 * the live one to offsets kept in PostgreSQL — is why this is a plain consumer and not a messaging
 * channel, whose offsets live in Kafka and whose consumer belongs to the connector's polling thread.
 */
final class TopicProjectionWorker implements Runnable {

    private static final Logger LOG = Logger.getLogger(TopicProjectionWorker.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration DATABASE_TIMEOUT = Duration.ofMinutes(1);
    private static final Duration AFTER_FAILURE = Duration.ofSeconds(1);

    private final TopicProjection projection;
    private final Pool pool;
    private final TopicRecords records;
    private final MeterRegistry metrics;
    private final Map<String, Object> kafkaConfig;
    private final String groupId;
    private final BlockingQueue<CompletableFuture<RebuildReport>> rebuilds = new LinkedBlockingQueue<>();
    private final AtomicLong lag = new AtomicLong();
    private final DeadLetterSink deadLetters;
    private volatile boolean running = true;
    private boolean repositionNeeded;
    private volatile KafkaConsumer<String, String> live;

    /** Where the live feed writes the records it passes over, before it applies the batch that holds them. */
    @FunctionalInterface
    interface DeadLetterSink {

        void deadLetter(ConsumerRecord<String, String> record, String reason);
    }

    TopicProjectionWorker(TopicProjection projection, Pool pool, CloudEventDecoder decoder, ObjectMapper json,
            Upcasters upcasters, MeterRegistry metrics, Map<String, Object> kafkaConfig, String groupId,
            DeadLetterSink deadLetters) {
        this.projection = projection;
        this.deadLetters = deadLetters;
        this.pool = pool;
        this.records = new TopicRecords(projection, decoder, json, upcasters, metrics);
        this.metrics = metrics;
        this.kafkaConfig = kafkaConfig;
        this.groupId = groupId;
    }

    CompletableFuture<RebuildReport> requestRebuild() {
        CompletableFuture<RebuildReport> done = new CompletableFuture<>();
        rebuilds.add(done);
        return done;
    }

    void stop() {
        running = false;
        KafkaConsumer<String, String> consumer = live;
        if (consumer != null) {
            consumer.wakeup();
        }
    }

    @Override
    public void run() {
        Map<String, Object> config = new HashMap<>(kafkaConfig);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, groupId);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer());
                KafkaClientMetrics kafkaMetrics = new KafkaClientMetrics(consumer,
                        Tags.of("projection", projection.name()))) {
            kafkaMetrics.bindTo(metrics);
            live = consumer;
            consumer.subscribe(List.of(projection.topic()), new SeekToStoredOffsets(consumer));
            while (running) {
                step(consumer);
            }
        } catch (WakeupException stopping) {
            LOG.debugf("projection %s stops", projection.name());
        } finally {
            rebuilds.forEach(waiting -> waiting.completeExceptionally(
                    new IllegalStateException("projection " + projection.name() + " stopped")));
        }
    }

    /**
     * One turn of the loop: a requested rebuild, or one poll applied. After any failure the consumer's
     * position is no longer trusted — records polled but not committed lie behind it — so it is moved back
     * to the stored offsets before anything else is polled.
     */
    private void step(KafkaConsumer<String, String> consumer) {
        try {
            if (repositionNeeded) {
                seekToStored(consumer, consumer.assignment());
                repositionNeeded = false;
            }
            CompletableFuture<RebuildReport> rebuild = rebuilds.poll();
            if (rebuild != null) {
                rebuild(rebuild);
            } else {
                applyLive(consumer.poll(POLL));
                measureLag(consumer);
            }
        } catch (WakeupException stopping) {
            throw stopping;
        } catch (RuntimeException failure) {
            repositionNeeded = true;
            LOG.warnf(failure, "projection %s failed on %s; it reads again from its stored offsets",
                    projection.name(), projection.topic());
            pause();
        }
    }

    private void applyLive(Iterable<ConsumerRecord<String, String>> polled) {
        List<ConsumerRecord<String, String>> polledRecords = new ArrayList<>();
        polled.forEach(polledRecords::add);
        if (polledRecords.isEmpty()) {
            return;
        }
        // Dead letters first: if writing one fails, nothing is applied and the batch is read again. A batch
        // read again after a failure may dead-letter a record twice; the dead-letter list shows it once.
        // Each record is decoded once: what is dead-lettered and what is applied come from the same reading.
        List<TopicRecords.Read> read = records.read(polledRecords);
        for (TopicRecords.Unusable unusable : TopicRecords.unusable(read)) {
            deadLetters.deadLetter(unusable.record(), unusable.reason());
        }
        pool.withTransaction(conn -> TopicOffsets.lock(conn, projection.name(), projection.topic())
                .flatMap(stored -> records.apply(conn, read.stream()
                        .filter(r -> r.record().offset() >= stored.getOrDefault(r.record().partition(), 0L))
                        .toList()))
                .flatMap(next -> TopicOffsets.save(conn, projection.name(), projection.topic(), next)))
                .await().atMost(DATABASE_TIMEOUT);
    }

    /** Records the consumer's lag from what its last fetches learnt of the partitions' ends; no round trip. */
    private void measureLag(KafkaConsumer<String, String> consumer) {
        long behind = 0;
        for (TopicPartition partition : consumer.assignment()) {
            behind += consumer.currentLag(partition).orElse(0);
        }
        lag.set(behind);
    }

    String topic() {
        return projection.topic();
    }

    /** Records of its topic not applied yet, as of the last poll. */
    long lag() {
        return lag.get();
    }

    private void rebuild(CompletableFuture<RebuildReport> done) {
        try {
            RebuildReport report = rebuildNow();
            repositionNeeded = true;
            done.complete(report);
        } catch (RuntimeException failure) {
            done.completeExceptionally(failure);
        }
    }

    /**
     * Runs a rebuild on the calling thread. Only for a worker whose live feed is not running (projections
     * disabled); a running worker rebuilds between its own polls ({@link #requestRebuild}).
     */
    RebuildReport rebuildNow() {
        long started = System.nanoTime();
        long events = new TopicReplay(projection, records, pool, kafkaConfig, groupId + "-rebuild").run();
        RebuildReport report = new RebuildReport(projection.name(), events,
                Duration.ofNanos(System.nanoTime() - started));
        LOG.infof("rebuilt projection %s from %s: %d records in %d ms (%.0f records/s)", projection.name(),
                projection.topic(), events, report.took().toMillis(), report.eventsPerSecond());
        return report;
    }

    private void seekToStored(KafkaConsumer<String, String> consumer, Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        Map<Integer, Long> stored = TopicOffsets.read(pool, projection.name(), projection.topic())
                .await().atMost(DATABASE_TIMEOUT);
        List<TopicPartition> fromStart = new ArrayList<>();
        for (TopicPartition partition : partitions) {
            Long next = stored.get(partition.partition());
            if (next == null) {
                fromStart.add(partition);
            } else {
                consumer.seek(partition, next);
            }
        }
        consumer.seekToBeginning(fromStart);
    }

    private void pause() {
        try {
            Thread.sleep(AFTER_FAILURE.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** On every (re)assignment, positions the consumer where the projection's stored offsets say. */
    private final class SeekToStoredOffsets implements ConsumerRebalanceListener {

        private final KafkaConsumer<String, String> consumer;

        SeekToStoredOffsets(KafkaConsumer<String, String> consumer) {
            this.consumer = consumer;
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            seekToStored(consumer, partitions);
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            // Nothing to hand over: offsets are stored with the projection's rows, batch by batch.
        }
    }
}
