package io.xunshi.kernel.projection;

import java.time.Duration;

/** What a rebuild did: how many events it read and how long it took. */
public record RebuildReport(String projection, long events, Duration took) {

    public double eventsPerSecond() {
        return took.isZero() ? events : events * 1_000_000_000.0 / took.toNanos();
    }
}
