package io.xunshi.kernel.eventstore;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An event about to be appended: its logical type name and version (e.g.
 * {@code xunshi.inspection.FindingRecorded}, 1), its JSON payload, when it happened and why.
 */
public record NewEvent(UUID eventId, String type, int typeVersion, JsonNode payload, Instant occurredAt,
        EventMetadata metadata) {

    public NewEvent {
        Objects.requireNonNull(eventId, "eventId");
        EventTypes.requireLogicalName(type);
        if (typeVersion < 1) {
            throw new IllegalArgumentException("typeVersion must be positive: " + typeVersion);
        }
        Objects.requireNonNull(payload, "payload");
        // PostgreSQL keeps microseconds; the hash must cover exactly what is stored.
        occurredAt = Objects.requireNonNull(occurredAt, "occurredAt").truncatedTo(ChronoUnit.MICROS);
        Objects.requireNonNull(metadata, "metadata");
    }

    public static NewEvent of(String type, int typeVersion, JsonNode payload, EventMetadata metadata) {
        return new NewEvent(UUID.randomUUID(), type, typeVersion, payload, Instant.now(), metadata);
    }
}
