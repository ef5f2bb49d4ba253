package io.xunshi.kernel.outbox;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

import io.xunshi.kernel.eventstore.EventTypes;
import io.xunshi.kernel.eventstore.StoredEvent;

/**
 * The CloudEvents 1.0 attributes of a stored event in Kafka binary mode: each attribute is a
 * {@code ce_}-prefixed header, the data is the record's value, and its media type is the
 * {@code content-type} header. Consumers route on {@code ce_type} and deduplicate on {@code ce_id};
 * the list is documented in docs/events.md.
 */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/json";

    private CloudEventHeaders() {
    }

    /** The source of every event a service publishes: a stable URI naming the service. */
    public static String source(String serviceName) {
        return "urn:xunshi:" + serviceName;
    }

    /** The headers of one event, in a fixed order; correlation and causation only when the event has them. */
    public static Map<String, String> of(StoredEvent event, String source) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ce_specversion", SPEC_VERSION);
        headers.put("ce_id", event.eventId().toString());
        headers.put("ce_source", source);
        headers.put("ce_type", EventTypes.cloudEventType(event.type(), event.typeVersion()));
        headers.put("ce_subject", event.streamId());
        headers.put("ce_time", DateTimeFormatter.ISO_INSTANT.format(event.occurredAt()));
        headers.put("content-type", CONTENT_TYPE);
        headers.put("ce_jurisdiction", event.jurisdiction());
        headers.put("ce_aggregatetype", event.streamType());
        headers.put("ce_aggregateversion", Integer.toString(event.version()));
        headers.put("ce_globalposition", event.position().toString());
        if (event.metadata().correlationId() != null) {
            headers.put("ce_correlationid", event.metadata().correlationId());
        }
        if (event.metadata().causationId() != null) {
            headers.put("ce_causationid", event.metadata().causationId());
        }
        return headers;
    }

    /** The same headers as Kafka record headers, UTF-8 encoded. */
    public static Headers kafkaHeaders(StoredEvent event, String source) {
        RecordHeaders headers = new RecordHeaders();
        of(event, source).forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
        return headers;
    }
}
