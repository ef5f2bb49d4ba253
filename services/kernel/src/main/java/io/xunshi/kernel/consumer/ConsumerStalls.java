package io.xunshi.kernel.consumer;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Which consumers are waiting for the infrastructure: a consumer whose handler failed transiently (see
 * {@link TransientFailures}) holds its record and retries it; while it does, it is stalled here, and
 * readiness ({@link ConsumersReadiness}) reports it. The first success clears it.
 *
 * <p>Metrics: {@code xunshi.consumer.stalled} (1 while stalled) and {@code xunshi.consumer.transient_failures}
 * (attempts that failed transiently), both tagged with the consumer.
 */
@ApplicationScoped
public class ConsumerStalls {

    /** One consumer's current stall: since when, on which event, how many attempts failed, the last failure. */
    public record Stall(String consumer, Instant since, String eventType, String eventId, int failedAttempts,
            String lastFailure) {
    }

    private final Map<String, Stall> stalls = new ConcurrentHashMap<>();
    private final MeterRegistry metrics;

    @Inject
    public ConsumerStalls(MeterRegistry metrics) {
        this.metrics = metrics;
    }

    /**
     * Registers the consumer's stall gauge at 0, so that it is scraped (and an alert on it can be checked) before
     * the consumer ever stalls. Idempotent: Micrometer keeps the first registration of a name and tags.
     */
    void watch(String consumer) {
        Gauge.builder("xunshi.consumer.stalled", stalls, s -> s.containsKey(consumer) ? 1 : 0)
                .description("1 while the consumer waits for the database or the broker to come back")
                .tag("consumer", consumer).register(metrics);
    }

    void failedTransiently(String consumer, IncomingEvent event, Throwable failure) {
        watch(consumer);
        Counter.builder("xunshi.consumer.transient_failures")
                .description("Handler attempts that failed because the infrastructure was unavailable")
                .tag("consumer", consumer).register(metrics).increment();
        String why = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        stalls.merge(consumer,
                new Stall(consumer, Instant.now(), event.cloudEventType(), event.id(), 1, why),
                (old, first) -> new Stall(consumer, old.since(), first.eventType(), first.eventId(),
                        old.failedAttempts() + 1, why));
    }

    void succeeded(String consumer) {
        stalls.remove(consumer);
    }

    /** The consumers stalled now, by name. */
    public Map<String, Stall> current() {
        return Map.copyOf(stalls);
    }
}
