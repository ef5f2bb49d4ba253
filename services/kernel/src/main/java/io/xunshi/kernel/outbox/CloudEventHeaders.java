package io.xunshi.kernel.outbox;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;

import io.xunshi.kernel.eventstore.EncodedEvent;
import io.xunshi.kernel.eventstore.EventTypes;
import io.xunshi.kernel.eventstore.StoredEvent;

/**
 * The CloudEvents 1.0 attributes of a stored event in Kafka binary mode: each attribute is a
 * {@code ce_}-prefixed header, the data is the record's value, and its media type is the
 * {@code content-type} header. Consumers route on {@code ce_type} and deduplicate on {@code ce_id};
 * the list is documented in docs/events.md. An event appended within a trace also carries the CloudEvents
 * distributed-tracing extension, {@code ce_traceparent} (and {@code ce_tracestate} when there is one).
 */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/json";
    /**
     * The event's hash in its stream's chain, lower-case hex: the witness on the topic that the tamper
     * verification ({@code io.xunshi.kernel.audit}) compares the store against.
     */
    public static final String CHAIN_HASH = "ce_chainhash";

    private CloudEventHeaders() {
    }

    /**
     * The source of every event a service publishes: a stable URI naming the service. Consumers accept an event
     * of a topic only from its owner's source (io.xunshi.kernel.consumer.ContractRecords#source).
     */
    public static String source(String serviceName) {
        return "urn:xunshi:" + serviceName;
    }

    /** The headers of one event, in a fixed order; correlation and causation only when the event has them. */
    public static Map<String, String> of(StoredEvent event, String source) {
        return of(EncodedEvent.of(event), source);
    }

    public static Map<String, String> of(EncodedEvent event, String source) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : kafkaHeaders(event, source)) {
            headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        return headers;
    }

    /** The same headers as Kafka record headers, UTF-8 encoded. */
    public static Headers kafkaHeaders(StoredEvent event, String source) {
        return kafkaHeaders(EncodedEvent.of(event), source);
    }

    public static Headers kafkaHeaders(EncodedEvent event, String source) {
        Header[] headers = new Header[16];
        int i = 0;
        headers[i++] = header("ce_specversion", SPEC_VERSION);
        headers[i++] = header("ce_id", event.eventId().toString());
        headers[i++] = header("ce_source", source);
        headers[i++] = header("ce_type", EventTypes.cloudEventType(event.type(), event.typeVersion()));
        headers[i++] = header("ce_subject", event.streamId());
        headers[i++] = header("ce_time", DateTimeFormatter.ISO_INSTANT.format(event.occurredAt()));
        headers[i++] = header("content-type", CONTENT_TYPE);
        headers[i++] = header("ce_jurisdiction", event.jurisdiction());
        headers[i++] = header("ce_aggregatetype", event.streamType());
        headers[i++] = header("ce_aggregateversion", Integer.toString(event.version()));
        headers[i++] = header("ce_globalposition", event.position().toString());
        if (event.correlationId() != null) {
            headers[i++] = header("ce_correlationid", event.correlationId());
        }
        if (event.causationId() != null) {
            headers[i++] = header("ce_causationid", event.causationId());
        }
        // The CloudEvents distributed-tracing extension: the W3C trace context the event was appended in.
        if (event.trace() != null) {
            headers[i++] = header("ce_traceparent", event.trace().traceparent());
            if (event.trace().tracestate() != null) {
                headers[i++] = header("ce_tracestate", event.trace().tracestate());
            }
        }
        if (event.chainHash() != null) {
            headers[i++] = header(CHAIN_HASH, HexFormat.of().formatHex(event.chainHash()));
        }
        return new RecordHeaders(i == headers.length ? headers : java.util.Arrays.copyOf(headers, i));
    }

    private static Header header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
