package io.xunshi.kernel.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class RelayMetricsTest {

    private static final Instant NOW = Instant.parse("2026-05-01T08:00:00Z");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final RelayMetrics metrics = new RelayMetrics(registry, Clock.fixed(NOW, ZoneOffset.UTC));

    private double lag() {
        return registry.get("xunshi.outbox.lag").gauge().value();
    }

    @Test
    void lag_is_zero_until_something_is_waiting_to_be_published() {
        assertThat(lag()).isZero();
    }

    @Test
    void lag_is_the_age_of_the_oldest_event_known_to_wait_and_a_newer_one_does_not_hide_it() {
        metrics.behindSince(NOW.minusSeconds(3));
        metrics.behindSince(NOW.minusSeconds(1));

        assertThat(lag()).isEqualTo(3.0);
    }

    @Test
    void a_sample_replaces_what_was_known_and_catching_up_clears_it() {
        metrics.behindSince(NOW.minusSeconds(3));
        metrics.sampled(NOW.minusMillis(250));
        assertThat(lag()).isEqualTo(0.25);

        metrics.caughtUp();
        assertThat(lag()).isZero();
    }

    @Test
    void published_events_are_counted_and_each_batch_is_timed() {
        metrics.publish(7, () -> {
        });
        metrics.publish(3, () -> {
        });

        assertThat(registry.get("xunshi.outbox.published").counter().count()).isEqualTo(10.0);
        assertThat(registry.get("xunshi.outbox.batch.publish").timer().count()).isEqualTo(2);
    }
}
