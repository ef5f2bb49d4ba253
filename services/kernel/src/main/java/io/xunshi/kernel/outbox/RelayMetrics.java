package io.xunshi.kernel.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The relay's meters: events published, time to publish a batch (send to last acknowledgement), and lag
 * as the age of the oldest committed event not yet published. The relay samples that event once a second
 * (one index probe), so the lag may read up to a second high, but it keeps growing whenever the relay
 * stalls — Kafka down, or a long transaction holding back the settled horizon.
 */
final class RelayMetrics {

    private final Counter published;
    private final Timer batchPublish;
    private final AtomicReference<Instant> oldestUnpublished = new AtomicReference<>();
    private final Clock clock;

    RelayMetrics(MeterRegistry registry, Clock clock) {
        this.clock = clock;
        this.published = Counter.builder("xunshi.outbox.published")
                .description("Events published to Kafka and acknowledged by it").register(registry);
        this.batchPublish = Timer.builder("xunshi.outbox.batch.publish")
                .description("Time from sending a batch to Kafka's last acknowledgement").register(registry);
        Gauge.builder("xunshi.outbox.lag", this, RelayMetrics::lagSeconds).baseUnit("seconds")
                .description("Age of the oldest committed event not yet published; 0 when caught up")
                .register(registry);
    }

    void publish(int count, Runnable send) {
        batchPublish.record(send);
        published.increment(count);
    }

    /** A batch of {@code count} events was acknowledged {@code nanos} after it was sent. */
    void published(int count, long nanos) {
        batchPublish.record(nanos, TimeUnit.NANOSECONDS);
        published.increment(count);
    }

    /** The oldest event still to publish was recorded at {@code recordedAt}, or earlier if already known. */
    void behindSince(Instant recordedAt) {
        oldestUnpublished.accumulateAndGet(recordedAt,
                (known, seen) -> known == null || seen.isBefore(known) ? seen : known);
    }

    /** The oldest event still to publish, as sampled, replacing what was known. */
    void sampled(Instant recordedAt) {
        oldestUnpublished.set(recordedAt);
    }

    void caughtUp() {
        oldestUnpublished.set(null);
    }

    double lagSeconds() {
        Instant oldest = oldestUnpublished.get();
        if (oldest == null) {
            return 0;
        }
        return Math.max(0, Duration.between(oldest, clock.instant()).toNanos() / 1e9);
    }
}
