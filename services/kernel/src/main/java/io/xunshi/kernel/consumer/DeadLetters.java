package io.xunshi.kernel.consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** Counts the records each consumer gave up on, by reason: {@code xunshi.consumer.dead_letters}. */
@ApplicationScoped
public class DeadLetters {

    private final MeterRegistry metrics;

    @Inject
    public DeadLetters(MeterRegistry metrics) {
        this.metrics = metrics;
    }

    public void count(String consumer, DeadLetterReason reason) {
        Counter.builder("xunshi.consumer.dead_letters")
                .description("Records a consumer could not process and handed to its dead-letter topic")
                .tag("consumer", consumer)
                .tag("reason", reason.code())
                .register(metrics)
                .increment();
    }
}
