package io.xunshi.kernel.eventstore;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An event exactly as stored, before any upcasting, with its stored metadata JSON: what the hash chain
 * covers ({@link EventStore#readRaw}).
 */
public record RawEvent(StoredEvent event, JsonNode metadata) {

    /** The content digest the event would have at {@code version}: its own, or another place in its stream. */
    public byte[] contentDigestAt(int version) {
        StoredEvent e = event;
        return HashChain.contentDigest(e.eventId(), e.streamId(), e.streamType(), version, e.type(), e.typeVersion(),
                e.jurisdiction(), e.occurredAt(), e.payload(), metadata);
    }
}
