package io.xunshi.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.xunshi.kernel.eventstore.EncodedEvent;
import io.xunshi.kernel.eventstore.EventStore;
import io.xunshi.kernel.eventstore.ExpectedVersion;
import io.xunshi.kernel.eventstore.GlobalPosition;
import io.xunshi.kernel.eventstore.NewEvent;
import io.xunshi.kernel.eventstore.StoredEvent;
import io.xunshi.kernel.outbox.CloudEventHeaders;
import io.xunshi.kernel.outbox.OutboxConfig;

/**
 * End-to-end latency: events appended at a steady rate, each carrying the wall-clock time taken just
 * before its append call, are received by a plain consumer in another JVM ({@link LatencyConsumer}) after
 * the outbox relay published them. The physical limit is the same path without the store: a raw producer
 * configured as the relay's sends the same records at the same rate to another topic, read by the same
 * consumer process. Both are open loops — an event is sent on schedule whether or not the previous one
 * has arrived — so a slow append or publish shows as latency, not as a lower rate.
 */
@Singleton
public class EndToEndLatencyScenario implements Scenario {

    private static final int RATE = 500;
    private static final int WARM_UP_EVENTS = RATE * 2;
    private static final int MEASURED_EVENTS = RATE * 20;
    private static final double GOAL_P99_MILLIS = 50;
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final EventStore store;
    private final RelayControl relay;
    private final BenchKafka kafka;
    private final OutboxConfig outbox;
    private final String source;
    private final String runId = UUID.randomUUID().toString().substring(0, 8);

    @Inject
    public EndToEndLatencyScenario(EventStore store, RelayControl relay, BenchKafka kafka, OutboxConfig outbox,
            @ConfigProperty(name = "xunshi.service.name") String serviceName) {
        this.store = store;
        this.relay = relay;
        this.kafka = kafka;
        this.outbox = outbox;
        this.source = CloudEventHeaders.source(serviceName);
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public ScenarioResult run() throws Exception {
        int total = WARM_UP_EVENTS + MEASURED_EVENTS;
        long[] platform;
        long[] raw;
        AtomicLong failures = new AtomicLong();
        AtomicLongArray aloneNanos = new AtomicLongArray(total);
        AtomicLongArray commitNanos = new AtomicLongArray(total);
        paced(total, seq -> append("alone", seq, aloneNanos, failures));
        awaitAll(aloneNanos);
        relay.catchUp(TIMEOUT);
        try (ConsumerProcess consumer = ConsumerProcess.start(kafka.bootstrapServers(), total,
                List.of(kafka.eventsTopic(), BenchKafka.RAW_LATENCY_TOPIC))) {
            consumer.awaitReady(TIMEOUT);
            paced(total, seq -> append("e2e", seq, commitNanos, failures));
            platform = consumer.latenciesMicrosBySeq(kafka.eventsTopic(), total, TIMEOUT);
            relay.stop();
            try (KafkaProducer<String, String> producer = kafka.producerLikeTheRelay()) {
                paced(total, seq -> {
                    long sentAt = BenchEvents.nowMicros();
                    ObjectNode payload = BenchEvents.payload(seq, sentAt);
                    EncodedEvent event = EncodedEvent.of(likeStored(seq, payload));
                    producer.send(new ProducerRecord<>(BenchKafka.RAW_LATENCY_TOPIC, null, event.streamId(),
                            event.payloadJson(), CloudEventHeaders.kafkaHeaders(event, source)),
                            (metadata, failure) -> {
                                if (failure != null) {
                                    failures.incrementAndGet();
                                }
                            });
                });
                raw = consumer.latenciesMicrosBySeq(BenchKafka.RAW_LATENCY_TOPIC, total, TIMEOUT);
            }
        }
        long[] endToEnd = new long[MEASURED_EVENTS];
        long[] append = new long[MEASURED_EVENTS];
        long[] appendAlone = new long[MEASURED_EVENTS];
        long[] afterCommit = new long[MEASURED_EVENTS];
        long[] rawEndToEnd = new long[MEASURED_EVENTS];
        for (int i = 0; i < MEASURED_EVENTS; i++) {
            int seq = WARM_UP_EVENTS + i;
            if (failures.get() > 0 || platform[seq] < 0 || raw[seq] < 0) {
                throw new IllegalStateException("end-to-end run incomplete: " + failures.get() + " sends failed,"
                        + " record " + seq + " relayed: " + (platform[seq] >= 0) + ", raw: " + (raw[seq] >= 0));
            }
            endToEnd[i] = platform[seq];
            append[i] = commitNanos.get(seq) / 1_000;
            appendAlone[i] = aloneNanos.get(seq) / 1_000;
            afterCommit[i] = platform[seq] - append[i];
            rawEndToEnd[i] = raw[seq];
        }
        List<Figure> figures = List.of(
                new Figure("End-to-end latency p50", millis(endToEnd, 50), millis(rawEndToEnd, 50), "ms", Goal.none()),
                new Figure("End-to-end latency p99", millis(endToEnd, 99), millis(rawEndToEnd, 99), "ms",
                        Goal.maxValue(GOAL_P99_MILLIS, "ms")),
                new Figure("End-to-end latency max", millis(endToEnd, 100), millis(rawEndToEnd, 100), "ms",
                        Goal.none()),
                new Figure("– its append (call to commit) p50", millis(append, 50), millis(appendAlone, 50), "ms",
                        Goal.none()),
                new Figure("– its append (call to commit) p99", millis(append, 99), millis(appendAlone, 99), "ms",
                        Goal.none()),
                new Figure("– from commit to receipt p50", millis(afterCommit, 50), millis(rawEndToEnd, 50), "ms",
                        Goal.none()),
                new Figure("– from commit to receipt p99", millis(afterCommit, 99), millis(rawEndToEnd, 99), "ms",
                        Goal.none()));
        return new ScenarioResult("c. End-to-end latency",
                "Single-event appends at a steady " + RATE + " events/s for " + MEASURED_EVENTS / RATE + " s (after "
                        + WARM_UP_EVENTS / RATE + " s of warm-up, not counted), each to a new stream, open loop;"
                        + " the wall-clock time taken just before the append call is in the payload. The relay"
                        + " (poll interval " + outbox.pollInterval().toMillis() + " ms when idle) publishes them; a"
                        + " plain `KafkaConsumer` in a second JVM (`io.xunshi.benchmarks.LatencyConsumer`) records"
                        + " receipt time minus that time. Physical limit: a raw producer with the relay's settings"
                        + " (acks=all, idempotent, linger 5 ms) sends the same records (key, headers, payload) at"
                        + " the same rate to another topic, read by the same consumer process; no database on the"
                        + " way. The end-to-end latency is split per event into its append (as the appending"
                        + " JVM saw it) and the rest, from commit to receipt. The append part is compared with the"
                        + " same paced appends run first with the relay stopped and no consumer; the rest with the"
                        + " raw send-to-receipt latency. One run of " + String.format("%,d", MEASURED_EVENTS)
                        + " measured events each.",
                figures, shortfall(figures));
    }

    /** Appends event {@code seq} without waiting, and records in {@code nanos} how long it took to commit. */
    private void append(String prefix, long seq, AtomicLongArray nanos, AtomicLong failures) {
        long called = System.nanoTime();
        long sentAt = BenchEvents.nowMicros();
        NewEvent event = new NewEvent(UUID.randomUUID(), BenchEvents.TYPE, 1, BenchEvents.payload(seq, sentAt),
                Instant.now(), BenchEvents.METADATA);
        store.append(prefix + "-" + runId + "-" + seq, BenchEvents.STREAM_TYPE, BenchEvents.JURISDICTION,
                ExpectedVersion.NO_STREAM, List.of(event))
                .subscribe().with(appended -> nanos.set((int) seq, Math.max(1, System.nanoTime() - called)),
                        failure -> failures.incrementAndGet());
    }

    private static void awaitAll(AtomicLongArray nanos) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        for (int i = 0; i < nanos.length(); i++) {
            while (nanos.get(i) == 0) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("append " + i + " did not complete within " + TIMEOUT);
                }
                Thread.sleep(10);
            }
        }
    }

    private static double millis(long[] micros, double percent) {
        return Percentiles.of(micros, percent) / 1e3;
    }

    private String shortfall(List<Figure> figures) {
        return "At p99 the append — call to commit, a durable flush of the write-ahead log included —"
                + " took " + Format.number(figures.get(4).value()) + " ms while the relay and the consumer ran,"
                + " against " + Format.number(figures.get(4).limit()) + " ms for the same appends without them,"
                + " and commit to receipt took " + Format.number(figures.get(6).value()) + " ms against "
                + Format.number(figures.get(6).limit()) + " ms for the raw producer's send to receipt. Both parts add"
                + " to the raw path: after its commit an event waits for the relay's next read — the relay pauses "
                + outbox.pollInterval().toMillis() + " ms whenever a read finds nothing — and for every older"
                + " transaction to end, because the relay reads only the settled part of the global order; then"
                + " the relay, caught up at this rate, sends it with the rest of its batch at once, waits for all"
                + " acknowledgements and writes its checkpoint (another commit) before it reads again. An append"
                + " that stalls also holds back"
                + " every event committed after it. Appends, relay, the in-JVM broker, the consumer JVM and"
                + " PostgreSQL share two cores with other builds (see the conditions below the table), so how much"
                + " of the tail is contention for the processors rather than the relay's own work is not"
                + " separated here.";
    }

    /** Calls {@code send} with sequence numbers 0, 1, … at {@value #RATE} per second, on schedule. */
    private static void paced(int count, LongConsumer send) {
        long interval = 1_000_000_000L / RATE;
        long start = System.nanoTime();
        for (int seq = 0; seq < count; seq++) {
            long due = start + seq * interval;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            send.accept(seq);
        }
    }

    private static StoredEvent likeStored(long seq, ObjectNode payload) {
        Instant now = Instant.now();
        return new StoredEvent(new GlobalPosition(0, seq), UUID.randomUUID(), "raw-" + seq, BenchEvents.STREAM_TYPE, 1,
                BenchEvents.TYPE, 1, BenchEvents.JURISDICTION, payload, BenchEvents.METADATA, now, now, null,
                new byte[32]);
    }
}
