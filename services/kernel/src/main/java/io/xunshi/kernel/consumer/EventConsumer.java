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
 * has no second effect. Each attempt runs in a fresh transaction.
 *
 * <p>A failure of the infrastructure ({@link TransientFailures}: the database or broker unreachable, a
 * connection closed, a timeout) is never the record's fault: the consumer holds the record and retries it
 * with a growing pause, up to {@code xunshi.consumer.max-backoff} between attempts, for as long as it takes,
 * and is reported stalled ({@link ConsumerStalls}, readiness) meanwhile. Any other handler failure is
 * retried a bounded number of times; a handler that throws {@link Undeliverable} itself (a payload that
 * breaks its schema) is given up on at once.
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
    private final ConsumerStalls stalls;
    private final int retries;
    private final Duration backoff;
    private final Duration maxBackoff;
    private final Tracer tracer;

    EventConsumer(Builder builder) {
        this.name = builder.name;
        this.handlers = Map.copyOf(builder.handlers);
        this.ignored = Set.copyOf(builder.ignored);
        this.decoder = builder.decoder;
        this.inbox = builder.inbox;
        this.deadLetters = builder.deadLetters;
        this.stalls = builder.stalls;
        this.retries = builder.retries;
        this.backoff = builder.backoff;
        this.maxBackoff = builder.maxBackoff;
        this.tracer = builder.tracer;
    }

    public String name() {
        return name;
    }

    /**
     * Processes one record, in a span of its own; the result tells whether it was a duplicate. A record given
     * up on fails the result with an {@link Undeliverable} and is counted as a dead letter.
     */
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
            handling = process(record).onFailure(Undeliverable.class)
                    .invoke(failure -> deadLetters.count(name, ((Undeliverable) failure).reason()));
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

    /**
     * Processes a dead letter's original record again, as {@link #consume} would, through the inbox (so a
     * letter whose event was handled since has no second effect). A failure is the caller's to report: it is
     * not counted as a new dead letter. A failure of the infrastructure is retried without end, as always: the
     * caller bounds the wait.
     */
    public Uni<Handled<Void>> redrive(ConsumerRecord<String, String> record) {
        return process(record);
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
        return attempt(event, handler, 0, 0);
    }

    private Uni<Handled<Void>> attempt(IncomingEvent event, EventHandler handler, int retry, int outage) {
        return inbox.<Void>handleOnce(name, event.id(), conn -> handler.handle(conn, event))
                .invoke(done -> {
                    if (outage > 0) {
                        stalls.succeeded(name);
                        LOG.infof("%s: %s %s processed after %d attempt(s) that met an unavailable database or broker",
                                name, event.cloudEventType(), event.id(), outage);
                    }
                })
                .onFailure().recoverWithUni(failure -> {
                    if (failure instanceof Undeliverable undeliverable) {
                        return giveUp(undeliverable);
                    }
                    if (TransientFailures.isTransient(failure)) {
                        stalls.failedTransiently(name, event, failure);
                        Duration pause = pause(outage);
                        if (outage == 0 || Long.bitCount(outage) == 1) {
                            LOG.warnf("%s: %s %s waits for the infrastructure (attempt %d failed: %s); retrying in %d ms",
                                    name, event.cloudEventType(), event.id(), outage + 1, failure, pause.toMillis());
                        }
                        return Uni.createFrom().voidItem().onItem().delayIt().by(pause)
                                .flatMap(ignored -> attempt(event, handler, retry, outage + 1));
                    }
                    if (retry >= retries) {
                        return giveUp(new Undeliverable(DeadLetterReason.HANDLER_FAILED, event.cloudEventType() + " "
                                + event.id() + " failed " + (retry + 1) + " times: " + failure, failure));
                    }
                    LOG.debugf(failure, "%s: retrying %s %s", name, event.cloudEventType(), event.id());
                    return Uni.createFrom().voidItem().onItem().delayIt().by(backoff.multipliedBy(1L << retry))
                            .flatMap(ignored -> attempt(event, handler, retry + 1, outage));
                });
    }

    /** The pause after the {@code outage}-th transient failure in a row (from 0): doubling, at most the maximum. */
    private Duration pause(int outage) {
        Duration pause = backoff.multipliedBy(1L << Math.min(outage, 20));
        return pause.compareTo(maxBackoff) > 0 ? maxBackoff : pause;
    }

    private static Uni<Handled<Void>> giveUp(Undeliverable undeliverable) {
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
        private Inbox inbox;
        private final DeadLetters deadLetters;
        private final ConsumerStalls stalls;
        private final java.util.function.Consumer<EventConsumer> registry;
        private int retries;
        private Duration backoff;
        private Duration maxBackoff;
        private final Tracer tracer;

        Builder(String name, CloudEventDecoder decoder, Inbox inbox, DeadLetters deadLetters, ConsumerStalls stalls,
                java.util.function.Consumer<EventConsumer> registry, int retries, Duration backoff,
                Duration maxBackoff, Tracer tracer) {
            this.tracer = tracer;
            this.name = name;
            this.decoder = decoder;
            this.inbox = inbox;
            this.deadLetters = deadLetters;
            this.stalls = stalls;
            this.registry = registry;
            this.retries = retries;
            this.backoff = backoff;
            this.maxBackoff = maxBackoff;
        }

        /** Uses another inbox (e.g. on another pool) than the service's. */
        public Builder inbox(Inbox inbox) {
            this.inbox = inbox;
            return this;
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

        /**
         * Overrides the configured number of retries after a handler's first failure and the first pause (which
         * is also the first pause after a transient failure).
         */
        public Builder retries(int retries, Duration backoff) {
            if (retries < 0) {
                throw new IllegalArgumentException("retries must not be negative: " + retries);
            }
            this.retries = retries;
            this.backoff = backoff;
            return this;
        }

        /** Overrides the longest pause between two attempts that failed transiently. */
        public Builder maxBackoff(Duration maxBackoff) {
            this.maxBackoff = maxBackoff;
            return this;
        }

        public EventConsumer build() {
            EventConsumer consumer = new EventConsumer(this);
            registry.accept(consumer);
            return consumer;
        }
    }
}
