package io.xunshi.kernel.tracing;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;

/**
 * A W3C trace context ({@code traceparent} and optional {@code tracestate}, https://www.w3.org/TR/trace-context/)
 * as the event store keeps it with each event and the outbox relay sends it, in the CloudEvents
 * distributed-tracing extension ({@code ce_traceparent}, {@code ce_tracestate}). It is operational data, not a
 * fact of the domain: it is not covered by the hash chain.
 *
 * @param traceparent {@code 00-<32 hex trace id>-<16 hex parent id>-<2 hex flags>}
 * @param tracestate  the vendor entries, or null
 */
public record TraceContext(String traceparent, String tracestate) {

    private static final Pattern TRACEPARENT = Pattern.compile("[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
    private static final int MAX_TRACESTATE = 512;
    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();

    private static final TextMapGetter<TraceContext> GETTER = new TextMapGetter<>() {

        @Override
        public Iterable<String> keys(TraceContext carrier) {
            return carrier.tracestate == null
                    ? java.util.List.of("traceparent")
                    : java.util.List.of("traceparent", "tracestate");
        }

        @Override
        public String get(TraceContext carrier, String key) {
            if (carrier == null) {
                return null;
            }
            return switch (key) {
                case "traceparent" -> carrier.traceparent;
                case "tracestate" -> carrier.tracestate;
                default -> null;
            };
        }
    };

    /**
     * The context of the span current on this thread or Vert.x context (the REST request's, or the consumer's
     * handling of a record), or null when there is none.
     */
    public static TraceContext current() {
        SpanContext span = Span.current().getSpanContext();
        if (!span.isValid()) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>(2);
        W3C.inject(Context.current(), carrier, Map::put);
        return of(carrier.get("traceparent"), carrier.get("tracestate"));
    }

    /**
     * A received context, or null when {@code traceparent} is missing or not in the W3C format: a record with
     * a broken trace context is still processed, in a trace of its own.
     */
    public static TraceContext of(String traceparent, String tracestate) {
        if (traceparent == null || !TRACEPARENT.matcher(traceparent.trim()).matches()) {
            return null;
        }
        String state = tracestate == null || tracestate.isBlank() || tracestate.length() > MAX_TRACESTATE
                ? null
                : tracestate.trim();
        return new TraceContext(traceparent.trim(), state);
    }

    /** The 32 hex digits of the trace id. */
    public String traceId() {
        return traceparent.substring(3, 35);
    }

    /** The OpenTelemetry context whose remote parent this is, to start a child span in. */
    public Context asParent() {
        return W3C.extract(Context.root(), this, GETTER);
    }
}
