package io.xunshi.local;

import java.time.Duration;
import java.util.Objects;

/**
 * How long to wait before restarting a process that exited: {@code initial} after its first exit, doubled
 * after each further exit up to {@code max}, and back to {@code initial} once a run lasted at least
 * {@code stableAfter}, as an orchestrator backs off a crash loop.
 */
record Backoff(Duration initial, Duration max, Duration stableAfter) {

    /** 1 s doubling to 30 s; a run of a minute counts as recovered. */
    static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(60));

    Backoff {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(max, "max");
        Objects.requireNonNull(stableAfter, "stableAfter");
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("need 0 < initial <= max, got " + initial + " and " + max);
        }
    }

    /**
     * The wait before the next start.
     *
     * @param previous the wait before the run that just ended, or {@code null} if there was none (first start)
     * @param ranFor   how long that run lasted; a failed start counts as zero
     */
    Duration next(Duration previous, Duration ranFor) {
        if (previous == null || ranFor.compareTo(stableAfter) >= 0) {
            return initial;
        }
        Duration doubled = previous.multipliedBy(2);
        return doubled.compareTo(max) > 0 ? max : doubled;
    }
}
