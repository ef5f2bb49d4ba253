package io.xunshi.kernel.consumer;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.xunshi.kernel.tracing.TraceContext;

/**
 * One idempotent consumer of another service's topic: decodes each record, dispatches it by
 * {@code ce_type} to its handler, and runs the handler through the {@link Inbox} so a redelivered event
 * has no second effect. A handler failure is retried a bounded number of times with a growing pause,
 * each attempt in a fresh transaction.
 *
 * <p>A record it cannot process fails the returned {@link Uni} with an {@link Undeliverable} and is
 * counted; the service's channel, configured with {@code failure-strategy=dead-letter-queue}, then writes
 * it to the dead-letter topic with the reason in its {@code dead-letter-reason} header and goes on with
 * the next record. See docs/kernel.md.
 *
 * <p>The handling of each record is a consumer span whose parent is the event's {@code ce_traceparent} (the
 * trace of the request that appended it), current while the handler runs, so that the events the handler
 * appends carry the same trace onward; the logs of the handling carry the event's correlation id and the
 * consumer's name (MDC {@code correlationId}, {@code consumer}). See docs/adr/0012-traces-and-logs.md.
 */
public final class EventConsumer {

    private static final Logger LOG = Logger.getLogger(EventConsumer.class);

    private final String name;
    private final Map<String, EventHandler> handlers;
    private final Set<String> ignored;
    private final CloudEventDecoder decoder;
    private final Inbox inbox;
    private final DeadLetters deadLetters;
    private final int retries;
    private final Duration backoff;
    private final Tracer tracer;

    EventConsumer(Builder builder) {
        this.name = builder.name;
        this.handlers = Map.copyOf(builder.handlers);
        this.ignored = Set.copyOf(builder.ignored);
        this.decoder = builder.decoder;
        this.inbox = builder.inbox;
        this.deadLetters = builder.deadLetters;
        this.retries = builder.retries;
        this.backoff = builder.backoff;
        this.tracer = builder.tracer;
    }

    public String name() {
        return name;
    }

    /** Processes one record, in a span of its own; the result tells whether it was a duplicate. */
    public Uni<Handled<Void>> consume(ConsumerRecord<String, String> record) {
        TraceContext parent = TraceContext.of(header(record, "ce_traceparent"), header(record, "ce_tracestate"));
        String eventId = header(record, "ce_id");
        Span span = tracer.spanBuilder(record.topic() + " process")
                .setParent(parent == null ? Context.root() : parent.asParent())
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "process")
                .setAttribute("messaging.destination.name", record.topic())
                .setAttribute("messaging.destination.partition.id", Integer.toString(record.partition()))
                .setAttribute("messaging.kafka.offset", record.offset())
                .setAttribute("messaging.consumer.group.name", name)
                .setAttribute("messaging.message.id", eventId == null ? "" : eventId)
                .setAttribute("cloudevents.event_type", String.valueOf(header(record, "ce_type")))
                .startSpan();
        // Current on the record's own Vert.x context (each record has one), where the handler's continuations run.
        boolean onRecordContext = VertxContext.isOnDuplicatedContext();
        Scope scope = onRecordContext ? span.makeCurrent() : Scope.noop();
        if (onRecordContext) {
            String correlation = header(record, "ce_correlationid");
            MDC.put("correlationId", correlation != null ? correlation : String.valueOf(eventId));
            MDC.put("consumer", name);
        }
        Uni<Handled<Void>> handling;
        try {
            handling = process(record);
        } catch (RuntimeException e) {
            handling = Uni.createFrom().failure(e);
        }
        return handling.onItemOrFailure().invoke((handled, failure) -> {
            if (failure != null) {
                span.recordException(failure);
                span.setStatus(StatusCode.ERROR, failure instanceof Undeliverable u ? u.reason().name() : "failed");
            }
            span.end();
        }).onTermination().invoke(() -> {
            if (onRecordContext) {
                MDC.remove("correlationId");
                MDC.remove("consumer");
            }
            scope.close();
        });
    }

    private Uni<Handled<Void>> process(ConsumerRecord<String, String> record) {
        IncomingEvent event;
        EventHandler handler;
        try {
            event = decoder.decode(record);
            if (ignored.contains(event.cloudEventType())) {
                return Uni.createFrom().item(Handled.ignored());
            }
            handler = handlers.get(event.cloudEventType());
            if (handler == null) {
                throw new Undeliverable(DeadLetterReason.UNKNOWN_TYPE,
                        name + " has no handler for " + event.cloudEventType());
            }
        } catch (Undeliverable undeliverable) {
            return giveUp(undeliverable);
        }
        return attempt(event, handler, 0);
    }

    private Uni<Handled<Void>> attempt(IncomingEvent event, EventHandler handler, int retry) {
        return inbox.<Void>handleOnce(name, event.id(), conn -> handler.handle(conn, event))
                .onFailure().recoverWithUni(failure -> {
                    if (retry >= retries) {
                        return giveUp(new Undeliverable(DeadLetterReason.HANDLER_FAILED, event.cloudEventType() + " "
                                + event.id() + " failed " + (retry + 1) + " times: " + failure, failure));
                    }
                    LOG.debugf(failure, "%s: retrying %s %s", name, event.cloudEventType(), event.id());
                    return Uni.createFrom().voidItem().onItem().delayIt().by(backoff.multipliedBy(1L << retry))
                            .flatMap(ignored -> attempt(event, handler, retry + 1));
                });
    }

    private Uni<Handled<Void>> giveUp(Undeliverable undeliverable) {
        deadLetters.count(name, undeliverable.reason());
        return Uni.createFrom().failure(undeliverable);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null
                : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Declares a consumer's handlers; obtained from {@link EventConsumers#define(String)}. */
    public static final class Builder {

        private final String name;
        private final Map<String, EventHandler> handlers = new HashMap<>();
        private final Set<String> ignored = new HashSet<>();
        private final CloudEventDecoder decoder;
        private final Inbox inbox;
        private final DeadLetters deadLetters;
        private int retries;
        private Duration backoff;
        private final Tracer tracer;

        Builder(String name, CloudEventDecoder decoder, Inbox inbox, DeadLetters deadLetters, int retries,
                Duration backoff, Tracer tracer) {
            this.tracer = tracer;
            this.name = name;
            this.decoder = decoder;
            this.inbox = inbox;
            this.deadLetters = deadLetters;
            this.retries = retries;
            this.backoff = backoff;
        }

        /** Handles records whose {@code ce_type} is exactly {@code cloudEventType}, e.g. {@code ...Recorded.v1}. */
        public Builder on(String cloudEventType, EventHandler handler) {
            if (ignored.contains(cloudEventType)) {
                throw new IllegalArgumentException(name + " both handles and ignores " + cloudEventType);
            }
            if (handlers.putIfAbsent(cloudEventType, handler) != null) {
                throw new IllegalArgumentException(name + " already has a handler for " + cloudEventType);
            }
            return this;
        }

        /**
         * Passes over records of these {@code ce_type}s without effect and without an inbox entry: the other
         * types the source topic is known to carry, which this consumer does not need. A type neither handled
         * nor ignored is still dead-lettered as unknown, so a new type on the topic is noticed.
         */
        public Builder ignore(Collection<String> cloudEventTypes) {
            for (String type : cloudEventTypes) {
                if (handlers.containsKey(type)) {
                    throw new IllegalArgumentException(name + " both handles and ignores " + type);
                }
                ignored.add(type);
            }
            return this;
        }

        /** Overrides the configured number of retries after a handler's first failure and the first pause. */
        public Builder retries(int retries, Duration backoff) {
            if (retries < 0) {
                throw new IllegalArgumentException("retries must not be negative: " + retries);
            }
            this.retries = retries;
            this.backoff = backoff;
            return this;
        }

        public EventConsumer build() {
            return new EventConsumer(this);
        }
    }
}
