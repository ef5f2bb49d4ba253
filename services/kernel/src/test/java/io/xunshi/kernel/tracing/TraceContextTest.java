package io.xunshi.kernel.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

class TraceContextTest {

    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void a_w3c_traceparent_is_kept_and_becomes_the_remote_parent_of_a_new_span() {
        TraceContext trace = TraceContext.of(TRACEPARENT, "vendor=abc");

        assertThat(trace.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        SpanContext parent = Span.fromContext(trace.asParent()).getSpanContext();
        assertThat(parent.isRemote()).isTrue();
        assertThat(parent.getTraceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(parent.getSpanId()).isEqualTo("00f067aa0ba902b7");
        assertThat(parent.isSampled()).isTrue();
        assertThat(parent.getTraceState().get("vendor")).isEqualTo("abc");
    }

    @Test
    void a_missing_or_malformed_traceparent_is_no_trace_context_and_a_blank_tracestate_is_none() {
        assertThat(TraceContext.of(null, null)).isNull();
        assertThat(TraceContext.of("", null)).isNull();
        assertThat(TraceContext.of("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7", null)).isNull();
        assertThat(TraceContext.of("00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01", null)).isNull();
        assertThat(TraceContext.of("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01; drop table", null))
                .isNull();
        assertThat(TraceContext.of(TRACEPARENT, " ").tracestate()).isNull();
    }

    @Test
    void outside_any_span_there_is_no_current_trace_context() {
        assertThat(TraceContext.current()).isNull();
    }

    @Test
    void only_an_endpoint_set_by_the_operator_turns_export_on_not_the_built_in_default() {
        assertThat(TraceSampling.configuredEndpoint(config(Map.of(), 300))).isEmpty();
        // Where Quarkus' own default lives: the lowest-ranked source.
        assertThat(TraceSampling.configuredEndpoint(config(
                Map.of("quarkus.otel.exporter.otlp.endpoint", "http://localhost:4317"), Integer.MIN_VALUE))).isEmpty();
        assertThat(TraceSampling.configuredEndpoint(config(Map.of("quarkus.otel.exporter.otlp.endpoint", " "), 300)))
                .isEmpty();
        // An environment variable (ordinal 300) or application.properties (250).
        assertThat(TraceSampling.configuredEndpoint(config(
                Map.of("quarkus.otel.exporter.otlp.endpoint", "http://collector:4317"), 300)))
                .contains("http://collector:4317");
        assertThat(TraceSampling.configuredEndpoint(config(
                Map.of("quarkus.otel.exporter.otlp.traces.endpoint", "http://collector:4318"), 250)))
                .contains("http://collector:4318");
    }

    private static SmallRyeConfig config(Map<String, String> properties, int ordinal) {
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(properties, "test", ordinal)).build();
    }
}
