package io.xunshi.kernel.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How the outbox relay runs ({@code xunshi.outbox.*}, each key overridable by environment variable,
 * e.g. {@code XUNSHI_OUTBOX_BATCH_SIZE}).
 */
@ConfigMapping(prefix = "xunshi.outbox")
public interface OutboxConfig {

    /** Whether this replica relays at all; off only where a test drives the relay by hand. */
    @WithDefault("true")
    boolean enabled();

    /**
     * Most events read and published per round. It matters only while the relay is behind (a short batch means
     * it has caught up): larger batches mean fewer reads and checkpoint writes per event.
     */
    @WithDefault("2000")
    int batchSize();

    /**
     * Pause after a read that found nothing new. It bounds the added delivery latency when idle: at 20 ms
     * an event waits on average 10 ms to be read.
     */
    @WithDefault("20ms")
    Duration pollInterval();

    /** How often a replica that does not hold the service's relay lock tries to take it. */
    @WithDefault("2s")
    Duration lockRetryInterval();

    /** Pause before a relay that failed (database or Kafka unreachable) starts again from its checkpoint. */
    @WithDefault("1s")
    Duration failureBackoff();
}
