package io.xunshi.kernel.consumer;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.xunshi.contracts.EventCatalog;
import io.xunshi.kernel.eventstore.Upcasters;
import io.xunshi.kernel.tracing.TraceContext;

/**
 * One idempotent consumer of another service's topic: decodes each record, dispatches it by its logical
 * type to its handler with the payload upcast and decoded into the type's contract record, and runs the
 * handler through the {@link Inbox} so a redelivered event has no second effect. Each attempt runs in a fresh
 * transaction.
 *
 * <p>A consumer names the records it handles ({@link Builder#on(Class, EventHandler)}); they all belong to one
 * service, whose topic the consumer reads. Every other type of that service is passed over by design — no
 * effect, no inbox entry, counted in {@code xunshi.consumer.skipped{reason="not-handled"}} and logged at debug
 * — so a type the owner adds later breaks no consumer. What is really bad is dead-lettered: a record that
 * does not decode as a CloudEvent, a type the topic's owner does not publish, a version of a handled type this
 * build cannot read, a payload that does not decode into its record ({@code invalid-payload}).
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

    /** One handled type: its record and its handler. */
    private record Route<T>(Class<T> record, EventHandler<T> handler) {

        @SuppressWarnings("unchecked")
        Uni<Void> handle(io.vertx.mutiny.sqlclient.SqlConnection conn, IncomingEvent event, Object payload) {
            return handler.handle(conn, event, (T) payload);
        }
    }

    /** A record ready for its handler: the event's attributes and its decoded payload. */
    private record Delivery(IncomingEvent event, Route<?> route, Object payload) {
    }

    private final String name;
    private final ContractRecords records;
    private final Map<String, Route<?>> routes;
    private final CloudEventDecoder decoder;
    private final PassedOver passedOver;
    private final Inbox inbox;
    private final DeadLetters deadLetters;
    private final ConsumerStalls stalls;
    private final int retries;
    private final Duration backoff;
    private final Duration maxBackoff;
    private final Tracer tracer;

    EventConsumer(Builder builder) {
        this.name = builder.name;
        if (builder.routes.isEmpty()) {
            throw new IllegalStateException(builder.name + " handles no event type");
        }
        this.routes = Map.copyOf(builder.routes);
        this.records = new ContractRecords(builder.json, builder.upcasters,
                routes.values().stream().<Class<? extends Record>>map(r -> r.record().asSubclass(Record.class))
                        .toList());
        this.decoder = builder.decoder;
        this.passedOver = builder.passedOver;
        this.inbox = builder.inbox;
        this.deadLetters = builder.deadLetters;
        this.stalls = builder.stalls;
        stalls.watch(name);
        this.retries = builder.retries;
        this.backoff = builder.backoff;
        this.maxBackoff = builder.maxBackoff;
        this.tracer = builder.tracer;
    }

    public String name() {
        return name;
    }

    /** The topic it reads: its handled types' owner's, e.g. {@code xunshi.planning.events}. */
    public String topic() {
        return records.topic();
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
        Delivery delivery;
        try {
            IncomingEvent event = decoder.decode(record);
            Route<?> route = routes.get(event.type());
            if (route == null) {
                return passOver(event);
            }
            delivery = new Delivery(event, route, payload(event));
        } catch (Undeliverable undeliverable) {
            return giveUp(undeliverable);
        }
        return attempt(delivery, 0, 0);
    }

    /** A type the consumer does not handle: passed over if its topic's owner publishes it, else dead-lettered. */
    private Uni<Handled<Void>> passOver(IncomingEvent event) {
        if (!records.ownerPublishes(event.type())) {
            throw new Undeliverable(DeadLetterReason.UNKNOWN_TYPE, name + " reads " + topic() + ", whose owner does"
                    + " not publish " + event.cloudEventType());
        }
        passedOver.count(name, PassedOver.NOT_HANDLED);
        LOG.debugf("%s: passes over %s %s, a type it does not handle", name, event.cloudEventType(), event.id());
        return Uni.createFrom().item(Handled.passedOver());
    }

    /** The payload upcast to the handled version and decoded into its record; {@link Undeliverable} if it cannot be. */
    private Object payload(IncomingEvent event) {
        try {
            return records.read(event);
        } catch (Undeliverable undeliverable) {
            if (undeliverable.reason() == DeadLetterReason.UNKNOWN_TYPE) {
                throw new Undeliverable(DeadLetterReason.UNKNOWN_TYPE, name + " "
                        + undeliverable.getMessage().substring(DeadLetterReason.UNKNOWN_TYPE.code().length() + 2));
            }
            throw undeliverable;
        }
    }

    private Uni<Handled<Void>> attempt(Delivery delivery, int retry, int outage) {
        IncomingEvent event = delivery.event();
        return inbox.<Void>handleOnce(name, records.partner() ? event.source() : Inbox.ONE_SOURCE, event.id(),
                conn -> delivery.route().handle(conn, event, delivery.payload()))
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
                            LOG.warnf(
                                    "%s: %s %s waits for the infrastructure (attempt %d failed: %s); retrying in %d ms",
                                    name, event.cloudEventType(), event.id(), outage + 1, failure, pause.toMillis());
                        }
                        return Uni.createFrom().voidItem().onItem().delayIt().by(pause)
                                .flatMap(ignored -> attempt(delivery, retry, outage + 1));
                    }
                    if (retry >= retries) {
                        return giveUp(new Undeliverable(DeadLetterReason.HANDLER_FAILED, event.cloudEventType() + " "
                                + event.id() + " failed " + (retry + 1) + " times: " + failure, failure));
                    }
                    LOG.debugf(failure, "%s: retrying %s %s", name, event.cloudEventType(), event.id());
                    return Uni.createFrom().voidItem().onItem().delayIt().by(backoff.multipliedBy(1L << retry))
                            .flatMap(ignored -> attempt(delivery, retry + 1, outage));
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
        return header == null || header.value() == null
                ? null
                : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Declares a consumer's handlers; obtained from {@link EventConsumers#define(String)}. */
    public static final class Builder {

        private final String name;
        private final Map<String, Route<?>> routes = new HashMap<>();
        private String owner;
        private final CloudEventDecoder decoder;
        private final Upcasters upcasters;
        private final PassedOver passedOver;
        private final ObjectMapper json;
        private Inbox inbox;
        private final DeadLetters deadLetters;
        private final ConsumerStalls stalls;
        private final java.util.function.Consumer<EventConsumer> registry;
        private int retries;
        private Duration backoff;
        private Duration maxBackoff;
        private final Tracer tracer;

        Builder(String name, EventConsumers consumers, java.util.function.Consumer<EventConsumer> registry) {
            this.name = name;
            this.decoder = consumers.decoder;
            this.upcasters = consumers.upcasters;
            this.passedOver = consumers.passedOver;
            this.json = consumers.json;
            this.inbox = consumers.inbox;
            this.deadLetters = consumers.deadLetters;
            this.stalls = consumers.stalls;
            this.registry = registry;
            this.retries = consumers.retries;
            this.backoff = consumers.backoff;
            this.maxBackoff = consumers.maxBackoff;
            this.tracer = consumers.tracer;
        }

        /** Uses another inbox (e.g. on another pool) than the service's. */
        public Builder inbox(Inbox inbox) {
            this.inbox = inbox;
            return this;
        }

        /**
         * Handles the events of {@code record}'s type (its {@code TYPE} and {@code VERSION} constants, as in the
         * {@link EventCatalog}), every version up to the current one, upcast and decoded into {@code record}. A
         * payload may carry properties added after this version was built: they are ignored. Every record a
         * consumer handles must belong to one service, whose topic it reads.
         */
        public <T extends Record> Builder on(Class<T> record, EventHandler<T> handler) {
            EventCatalog.Entry entry = EventCatalog.Entry.declaredBy(record);
            if (owner != null && !owner.equals(entry.service())) {
                throw new IllegalArgumentException(name + " reads " + EventCatalog.topicOf(owner) + " and cannot also"
                        + " handle " + entry.type() + " of " + entry.topic());
            }
            if (routes.putIfAbsent(entry.type(), new Route<>(record, handler)) != null) {
                throw new IllegalArgumentException(name + " already has a handler for " + entry.type());
            }
            owner = entry.service();
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
