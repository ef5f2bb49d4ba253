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
        AtomicLongArray commitNanos = new AtomicLongArray(total);
        relay.catchUp(TIMEOUT);
        try (ConsumerProcess consumer = ConsumerProcess.start(kafka.bootstrapServers(), total,
                List.of(kafka.eventsTopic(), BenchKafka.RAW_LATENCY_TOPIC))) {
            consumer.awaitReady(TIMEOUT);
            paced(total, seq -> {
                long called = System.nanoTime();
                long sentAt = BenchEvents.nowMicros();
                NewEvent event = new NewEvent(UUID.randomUUID(), BenchEvents.TYPE, 1, BenchEvents.payload(seq, sentAt),
                        Instant.now(), BenchEvents.METADATA);
                store.append("e2e-" + runId + "-" + seq, BenchEvents.STREAM_TYPE, BenchEvents.JURISDICTION,
                        ExpectedVersion.NO_STREAM, List.of(event))
                        .subscribe().with(appended -> commitNanos.set((int) seq, System.nanoTime() - called),
                                failure -> failures.incrementAndGet());
            });
            platform = consumer.latenciesMicros(kafka.eventsTopic(), total, WARM_UP_EVENTS, TIMEOUT);
            relay.stop();
            try (KafkaProducer<String, String> producer = kafka.producerLikeTheRelay()) {
                paced(total, seq -> {
                    long sentAt = BenchEvents.nowMicros();
                    ObjectNode payload = BenchEvents.payload(seq, sentAt);
                    StoredEvent event = likeStored(seq, payload);
                    producer.send(new ProducerRecord<>(BenchKafka.RAW_LATENCY_TOPIC, null, event.streamId(),
                            payload.toString(), CloudEventHeaders.kafkaHeaders(event, source)), (metadata, failure) -> {
                                if (failure != null) {
                                    failures.incrementAndGet();
                                }
                            });
                });
                raw = consumer.latenciesMicros(BenchKafka.RAW_LATENCY_TOPIC, total, WARM_UP_EVENTS, TIMEOUT);
            }
        }
        if (failures.get() > 0 || platform.length < MEASURED_EVENTS || raw.length < MEASURED_EVENTS) {
            throw new IllegalStateException("end-to-end run incomplete: " + failures.get() + " sends failed, "
                    + platform.length + " relayed and " + raw.length + " raw records of " + MEASURED_EVENTS
                    + " received");
        }
        List<Figure> figures = List.of(
                new Figure("End-to-end latency p50", Percentiles.of(platform, 50) / 1e3,
                        Percentiles.of(raw, 50) / 1e3, "ms", Goal.none()),
                new Figure("End-to-end latency p99", Percentiles.of(platform, 99) / 1e3,
                        Percentiles.of(raw, 99) / 1e3, "ms", Goal.maxValue(GOAL_P99_MILLIS, "ms")),
                new Figure("End-to-end latency max", Percentiles.of(platform, 100) / 1e3,
                        Percentiles.of(raw, 100) / 1e3, "ms", Goal.none()),
                Figure.withoutLimit("of which the append (call to commit) p50", millis(commitNanos, 50), "ms",
                        Goal.none()),
                Figure.withoutLimit("of which the append (call to commit) p99", millis(commitNanos, 99), "ms",
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
                        + " way. One run of " + String.format("%,d", MEASURED_EVENTS) + " events each.",
                figures, shortfall());
    }

    /** A percentile, in milliseconds, of the append durations after the warm-up. */
    private static double millis(AtomicLongArray nanos, double percent) {
        long[] measured = new long[MEASURED_EVENTS];
        for (int i = 0; i < MEASURED_EVENTS; i++) {
            measured[i] = nanos.get(WARM_UP_EVENTS + i);
        }
        return Percentiles.of(measured, percent) / 1e6;
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

    private String shortfall() {
        return "An event reaches Kafka only after its append has committed (a durable flush of the write-ahead"
                + " log), after the relay's next read has found it — the relay polls every "
                + outbox.pollInterval().toMillis() + " ms when it finds nothing, so a read waits half that on"
                + " average — and only once every older transaction has ended, because the relay reads the settled"
                + " part of the global order alone. The raw producer pays none of these; its latency is the"
                + " broker's acknowledgement and the consumer's fetch.";
    }
}
