package io.xunshi.kernel.consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts the records each consumer passed over by design, by reason: {@code xunshi.consumer.skipped}
 * ({@code xunshi_consumer_skipped_total} in Prometheus). Today the one reason is {@code not-handled}: a type of
 * the consumer's topic it declares no handler for.
 */
@ApplicationScoped
public class PassedOver {

    /** The reason of a type of the topic the consumer has no handler for. */
    public static final String NOT_HANDLED = "not-handled";

    private final MeterRegistry metrics;

    @Inject
    public PassedOver(MeterRegistry metrics) {
        this.metrics = metrics;
    }

    void count(String consumer, String reason) {
        Counter.builder("xunshi.consumer.skipped")
                .description("Records a consumer passed over by design: types of its topic it does not handle")
                .tag("consumer", consumer)
                .tag("reason", reason)
                .register(metrics)
                .increment();
    }
}
