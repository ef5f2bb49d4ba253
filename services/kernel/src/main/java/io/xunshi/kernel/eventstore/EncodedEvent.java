package io.xunshi.kernel.eventstore;

import java.time.Instant;
import java.util.UUID;

import io.xunshi.kernel.tracing.TraceContext;

/**
 * A stored event as it is published: its payload is the JSON text of its current type version, and of its
 * metadata only what travels in the record's headers. The outbox relay reads these
 * ({@link EventStore#readAllEncoded}) instead of {@link StoredEvent}s, so that an event whose type needs no
 * upcasting goes from the database to Kafka without being parsed and written again. {@code trace} is the trace
 * context of the append that stored it, or null (events stored before traces were kept, or appended outside
 * any span).
 */
public record EncodedEvent(GlobalPosition position, UUID eventId, String streamId, String streamType, int version,
        String type, int typeVersion, String jurisdiction, String payloadJson, String correlationId,
        String causationId, Instant occurredAt, Instant recordedAt, TraceContext trace) {

    /** The encoding of an event read whole, for callers that hold {@link StoredEvent}s. */
    public static EncodedEvent of(StoredEvent e) {
        return new EncodedEvent(e.position(), e.eventId(), e.streamId(), e.streamType(), e.version(), e.type(),
                e.typeVersion(), e.jurisdiction(), e.payload().toString(), e.metadata().correlationId(),
                e.metadata().causationId(), e.occurredAt(), e.recordedAt(), null);
    }

    /** The same event with this trace context. */
    public EncodedEvent withTrace(TraceContext newTrace) {
        return new EncodedEvent(position, eventId, streamId, streamType, version, type, typeVersion, jurisdiction,
                payloadJson, correlationId, causationId, occurredAt, recordedAt, newTrace);
    }
}
