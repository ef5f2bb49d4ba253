package io.xunshi.kernel.consumer;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import com.fasterxml.jackson.databind.JsonNode;

import io.xunshi.kernel.eventstore.EventTypes;

/**
 * A CloudEvent received from another service's topic, decoded from its Kafka binary-mode headers.
 *
 * @param id           {@code ce_id}: the event's identity, the key of idempotent processing; any non-empty
 *                     string the publisher chose (a UUID from the platform's own relays), at most
 *                     {@link CloudEventDecoder#MAX_ID_LENGTH} characters, no control characters
 * @param type         the logical type name, {@code ce_type} without its version suffix
 * @param typeVersion  the {@code N} of the {@code .vN} suffix of {@code ce_type}
 * @param subject      {@code ce_subject}, the stream (aggregate) id; the record key when the header is absent
 * @param source       {@code ce_source}, or null
 * @param jurisdiction {@code ce_jurisdiction}, or null
 * @param time         {@code ce_time}, or null
 * @param payload      the record value parsed as JSON
 * @param extensions   every other {@code ce_} header, by its name without the prefix (e.g. the sending
 *                     relay's {@code aggregateversion}, {@code correlationid}, {@code causationid})
 */
public record IncomingEvent(String id, String type, int typeVersion, String subject, String source,
        String jurisdiction, Instant time, JsonNode payload, Map<String, String> extensions) {

    public IncomingEvent {
        extensions = Map.copyOf(extensions);
    }

    /** The value of the {@code ce_<name>} header, or null. */
    public String extension(String name) {
        return extensions.get(name);
    }

    /**
     * The event's version in the sending service's stream ({@code ce_aggregateversion}, from 1), or empty
     * when the header is missing or is not a positive number; projections use it to order or skip events.
     */
    public OptionalInt aggregateVersion() {
        String version = extensions.get("aggregateversion");
        if (version == null || !version.trim().matches("[1-9]\\d{0,8}")) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(Integer.parseInt(version.trim()));
    }

    /**
     * What the payload lacks of {@code fields} as non-blank text (e.g. {@code "lacks planId"}), naming the
     * first missing field, or empty when it has them all; for {@link
     * io.xunshi.kernel.projection.TopicProjection#unusable}.
     */
    public Optional<String> missingText(String... fields) {
        for (String field : fields) {
            JsonNode value = payload.path(field);
            if (!value.isTextual() || value.asText().isBlank()) {
                return Optional.of("lacks " + field);
            }
        }
        return Optional.empty();
    }

    /**
     * The trace context the event was appended in (the CloudEvents distributed-tracing extension,
     * {@code ce_traceparent} and {@code ce_tracestate}), or null when it has none or it is malformed.
     */
    public io.xunshi.kernel.tracing.TraceContext trace() {
        return io.xunshi.kernel.tracing.TraceContext.of(extensions.get("traceparent"), extensions.get("tracestate"));
    }

    /** The {@code ce_type} the event arrived with, e.g. {@code xunshi.inspection.FindingRecorded.v1}. */
    public String cloudEventType() {
        return EventTypes.cloudEventType(type, typeVersion);
    }
}
