package io.xunshi.kernel.consumer;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.opentelemetry.api.trace.Tracer;
import io.xunshi.kernel.eventstore.Upcasters;

/**
 * Where a service defines its consumers of other services' topics:
 *
 * <pre>{@code
 * EventConsumer feedback = consumers.define("rectification-feedback")
 *         .on(FeedbackGiven.class, (conn, event, given) -> openCase(conn, given, event.id()))
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

    final CloudEventDecoder decoder;
    final Upcasters upcasters;
    final PassedOver passedOver;
    final ObjectMapper json;
    final Inbox inbox;
    final DeadLetters deadLetters;
    final ConsumerStalls stalls;
    final int retries;
    final Duration backoff;
    final Duration maxBackoff;
    final Tracer tracer;
    private final Map<String, EventConsumer> defined = new ConcurrentHashMap<>();

    @Inject
    public EventConsumers(CloudEventDecoder decoder, Upcasters upcasters, PassedOver passedOver, ObjectMapper json,
            Inbox inbox, DeadLetters deadLetters, ConsumerStalls stalls,
            @ConfigProperty(name = "xunshi.consumer.retries", defaultValue = "3") int retries,
            @ConfigProperty(name = "xunshi.consumer.retry-backoff", defaultValue = "200ms") Duration backoff,
            @ConfigProperty(name = "xunshi.consumer.max-backoff", defaultValue = "30s") Duration maxBackoff,
            Tracer tracer) {
        this.tracer = tracer;
        this.decoder = decoder;
        this.upcasters = upcasters;
        this.passedOver = passedOver;
        this.json = json;
        this.inbox = inbox;
        this.deadLetters = deadLetters;
        this.stalls = stalls;
        this.retries = retries;
        this.backoff = backoff;
        this.maxBackoff = maxBackoff;
    }

    /** Starts the definition of a consumer; {@code name} keys its inbox entries and its dead-letter counts. */
    public EventConsumer.Builder define(String name) {
        return new EventConsumer.Builder(name, this, this::register);
    }

    /** The consumer built under this name, if any. */
    public Optional<EventConsumer> named(String name) {
        return Optional.ofNullable(defined.get(name));
    }

    private void register(EventConsumer consumer) {
        defined.put(consumer.name(), consumer);
    }
}
