package io.xunshi.kernel.eventstore;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The tamper-evident chain of a stream: each event's hash is SHA-256 of the previous event's hash
 * followed by the SHA-256 of the event's canonical content (identity, place in the stream, type,
 * jurisdiction, time, payload and metadata). Altering, removing or reordering a stored event breaks the
 * chain at that event.
 */
public final class HashChain {

    private HashChain() {
    }

    public static byte[] hash(byte[] prevHash, UUID eventId, String streamId, String streamType, int version,
            String type, int typeVersion, String jurisdiction, Instant occurredAt, JsonNode payload,
            JsonNode metadata) {
        return link(prevHash, contentDigest(eventId, streamId, streamType, version, type, typeVersion, jurisdiction,
                occurredAt, payload, metadata));
    }

    /** SHA-256 of the event's canonical content: what {@link #link} chains onto the previous hash. */
    public static byte[] contentDigest(UUID eventId, String streamId, String streamType, int version, String type,
            int typeVersion, String jurisdiction, Instant occurredAt, JsonNode payload, JsonNode metadata) {
        ObjectNode content = CanonicalJson.object();
        content.put("eventId", eventId.toString());
        content.put("streamId", streamId);
        content.put("streamType", streamType);
        content.put("version", version);
        content.put("type", type);
        content.put("typeVersion", typeVersion);
        content.put("jurisdiction", jurisdiction);
        content.put("occurredAt", occurredAt.toString());
        content.set("payload", payload);
        content.set("metadata", metadata);
        return sha256().digest(CanonicalJson.write(content).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * SHA-256 of the previous hash (none at version 1) followed by the content digest; PostgreSQL computes the
     * same as {@code sha256(coalesce(prev_hash, ''::bytea) || digest)}.
     */
    public static byte[] link(byte[] prevHash, byte[] contentDigest) {
        MessageDigest sha = sha256();
        if (prevHash != null) {
            sha.update(prevHash);
        }
        return sha.digest(contentDigest);
    }

    static byte[] hash(byte[] prevHash, StoredEvent e, JsonNode metadataJson) {
        return hash(prevHash, e.eventId(), e.streamId(), e.streamType(), e.version(), e.type(), e.typeVersion(),
                e.jurisdiction(), e.occurredAt(), e.payload(), metadataJson);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
