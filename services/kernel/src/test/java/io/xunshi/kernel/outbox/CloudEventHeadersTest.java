package io.xunshi.kernel.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import org.apache.kafka.common.header.Headers;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import io.xunshi.kernel.eventstore.EncodedEvent;
import io.xunshi.kernel.eventstore.EventMetadata;
import io.xunshi.kernel.eventstore.GlobalPosition;
import io.xunshi.kernel.eventstore.StoredEvent;
import io.xunshi.kernel.tracing.TraceContext;

class CloudEventHeadersTest {

    private static final UUID EVENT_ID = UUID.fromString("0b9f6a8e-3c1d-4d8e-9a57-1f2e3d4c5b6a");
    private static final String SOURCE = CloudEventHeaders.source("inspection");

    private static StoredEvent finding(EventMetadata metadata) {
        return new StoredEvent(new GlobalPosition(7_000_000_123L, 42), EVENT_ID, "finding-17", "Finding", 3,
                "xunshi.inspection.FindingRecorded", 1, "110000",
                JsonNodeFactory.instance.objectNode().put("summary", "late rectification"), metadata,
                Instant.parse("2026-03-04T05:06:07.123456Z"), Instant.parse("2026-03-04T05:06:08Z"), null,
                new byte[32]);
    }

    @Test
    void an_event_maps_to_the_cloud_events_binary_mode_headers_in_a_fixed_order() {
        assertThat(CloudEventHeaders.of(finding(new EventMetadata("corr-1", "cmd-9", "inspector-4")), SOURCE))
                .containsExactly(
                        entry("ce_specversion", "1.0"),
                        entry("ce_id", EVENT_ID.toString()),
                        entry("ce_source", "urn:xunshi:inspection"),
                        entry("ce_type", "xunshi.inspection.FindingRecorded.v1"),
                        entry("ce_subject", "finding-17"),
                        entry("ce_time", "2026-03-04T05:06:07.123456Z"),
                        entry("content-type", "application/json"),
                        entry("ce_jurisdiction", "110000"),
                        entry("ce_aggregatetype", "Finding"),
                        entry("ce_aggregateversion", "3"),
                        entry("ce_globalposition", "7000000123:42"),
                        entry("ce_correlationid", "corr-1"),
                        entry("ce_causationid", "cmd-9"));
    }

    @Test
    void correlation_and_causation_are_left_out_when_the_event_has_none() {
        assertThat(CloudEventHeaders.of(finding(EventMetadata.none()), SOURCE))
                .doesNotContainKeys("ce_correlationid", "ce_causationid")
                .hasSize(11);
    }

    @Test
    void the_trace_context_of_the_append_is_the_distributed_tracing_extension_after_the_other_attributes() {
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        EncodedEvent traced = EncodedEvent.of(finding(new EventMetadata("corr-1", null, null)))
                .withTrace(TraceContext.of(traceparent, "vendor=abc"));

        assertThat(CloudEventHeaders.of(traced, SOURCE)).hasSize(14)
                .containsEntry("ce_correlationid", "corr-1")
                .containsEntry("ce_traceparent", traceparent)
                .containsEntry("ce_tracestate", "vendor=abc");
        assertThat(CloudEventHeaders.of(traced.withTrace(TraceContext.of(traceparent, null)), SOURCE))
                .containsEntry("ce_traceparent", traceparent).doesNotContainKey("ce_tracestate").hasSize(13);
        assertThat(CloudEventHeaders.of(traced.withTrace(null), SOURCE))
                .doesNotContainKeys("ce_traceparent", "ce_tracestate").hasSize(12);
    }

    @Test
    void the_actor_is_never_a_header() {
        assertThat(CloudEventHeaders.of(finding(new EventMetadata(null, null, "inspector-4")), SOURCE))
                .doesNotContainValue("inspector-4");
    }

    @Test
    void kafka_headers_carry_the_same_attributes_as_utf8_text() {
        Headers headers = CloudEventHeaders.kafkaHeaders(finding(EventMetadata.none()), SOURCE);

        assertThat(new String(headers.lastHeader("ce_type").value(), StandardCharsets.UTF_8))
                .isEqualTo("xunshi.inspection.FindingRecorded.v1");
        assertThat(headers.toArray()).hasSize(11);
    }
}
