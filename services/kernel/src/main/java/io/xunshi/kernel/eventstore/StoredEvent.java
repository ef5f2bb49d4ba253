package io.xunshi.kernel.eventstore;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/** An event as the store holds it, with its place in its stream and in the store's global order. */
public record StoredEvent(GlobalPosition position, UUID eventId, String streamId, String streamType, int version,
        String type, int typeVersion, String jurisdiction, JsonNode payload, EventMetadata metadata,
        Instant occurredAt, Instant recordedAt, byte[] prevHash, byte[] hash) {

    /** The same event with another payload and type version, as an upcaster produces it. */
    public StoredEvent withPayload(int newTypeVersion, JsonNode newPayload) {
        return new StoredEvent(position, eventId, streamId, streamType, version, type, newTypeVersion, jurisdiction,
                newPayload, metadata, occurredAt, recordedAt, prevHash, hash);
    }
}
