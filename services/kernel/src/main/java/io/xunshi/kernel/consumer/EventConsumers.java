package io.xunshi.kernel.consumer;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

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
 * Retries of a failing handler default to {@code xunshi.consumer.retries} (3) after a first failure, pausing
 * {@code xunshi.consumer.retry-backoff} (200 ms), then twice as long each time. A failure of the
 * infrastructure is retried without end, the pause doubling up to {@code xunshi.consumer.max-backoff} (30 s).
 *
 * <p>Every consumer built here is known by its name ({@link #named}), which is how a dead letter is re-driven
 * through the consumer that gave up on it.
 */
@ApplicationScoped
public class EventConsumers {

    private final CloudEventDecoder decoder;
    private final Inbox inbox;
    private final DeadLetters deadLetters;
    private final ConsumerStalls stalls;
    private final int retries;
    private final Duration backoff;
    private final Duration maxBackoff;
    private final Map<String, EventConsumer> defined = new ConcurrentHashMap<>();
    private final Tracer tracer;

    @Inject
    public EventConsumers(CloudEventDecoder decoder, Inbox inbox, DeadLetters deadLetters, ConsumerStalls stalls,
            @ConfigProperty(name = "xunshi.consumer.retries", defaultValue = "3") int retries,
            @ConfigProperty(name = "xunshi.consumer.retry-backoff", defaultValue = "200ms") Duration backoff,
            @ConfigProperty(name = "xunshi.consumer.max-backoff", defaultValue = "30s") Duration maxBackoff,
            Tracer tracer) {
        this.tracer = tracer;
        this.decoder = decoder;
        this.inbox = inbox;
        this.deadLetters = deadLetters;
        this.stalls = stalls;
        this.retries = retries;
        this.backoff = backoff;
        this.maxBackoff = maxBackoff;
    }

    /** Starts the definition of a consumer; {@code name} keys its inbox entries and its dead-letter counts. */
    public EventConsumer.Builder define(String name) {
        return new EventConsumer.Builder(name, decoder, inbox, deadLetters, stalls, this::register, retries, backoff,
                maxBackoff,
                tracer);
    }

    /** The consumer built under this name, if any. */
    public Optional<EventConsumer> named(String name) {
        return Optional.ofNullable(defined.get(name));
    }

    private void register(EventConsumer consumer) {
        defined.put(consumer.name(), consumer);
    }
}
