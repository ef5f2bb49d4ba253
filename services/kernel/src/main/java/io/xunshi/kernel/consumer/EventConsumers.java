package io.xunshi.kernel.consumer;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.opentelemetry.api.trace.Tracer;

/**
 * Where a service defines its consumers of other services' topics:
 *
 * <pre>{@code
 * EventConsumer findings = consumers.define("rectification-findings")
 *         .on("xunshi.inspection.FindingRecorded.v1", (conn, event) -> openCase(conn, event))
 *         .build();
 *
 * @Incoming("inspection-events")
 * Uni<Void> consume(ConsumerRecord<String, String> record) {
 *     return findings.consume(record).replaceWithVoid();
 * }
 * }</pre>
 *
 * Retries default to {@code xunshi.consumer.retries} (3) after a first failure, pausing
 * {@code xunshi.consumer.retry-backoff} (200 ms), then twice as long each time.
 */
@ApplicationScoped
public class EventConsumers {

    private final CloudEventDecoder decoder;
    private final Inbox inbox;
    private final DeadLetters deadLetters;
    private final int retries;
    private final Duration backoff;
    private final Tracer tracer;

    @Inject
    public EventConsumers(CloudEventDecoder decoder, Inbox inbox, DeadLetters deadLetters,
            @ConfigProperty(name = "xunshi.consumer.retries", defaultValue = "3") int retries,
            @ConfigProperty(name = "xunshi.consumer.retry-backoff", defaultValue = "200ms") Duration backoff,
            Tracer tracer) {
        this.tracer = tracer;
        this.decoder = decoder;
        this.inbox = inbox;
        this.deadLetters = deadLetters;
        this.retries = retries;
        this.backoff = backoff;
    }

    /** Starts the definition of a consumer; {@code name} keys its inbox entries and its dead-letter counts. */
    public EventConsumer.Builder define(String name) {
        return new EventConsumer.Builder(name, decoder, inbox, deadLetters, retries, backoff, tracer);
    }
}
