package io.xunshi.kernel.eventstore;

import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

/** The chain of every {@link Upcaster} in the application, applied to each event as it is read. */
@ApplicationScoped
public class Upcasters {

    private final Map<String, Upcaster> byTypeAndVersion = new HashMap<>();

    @Inject
    public Upcasters(Instance<Upcaster> upcasters) {
        for (Upcaster upcaster : upcasters) {
            Upcaster previous = byTypeAndVersion.put(key(upcaster.type(), upcaster.fromVersion()), upcaster);
            if (previous != null) {
                throw new IllegalStateException("two upcasters for " + upcaster.type() + " v" + upcaster.fromVersion()
                        + ": " + previous.getClass().getName() + " and " + upcaster.getClass().getName());
            }
        }
    }

    /** Whether an event of this type and version is changed on read. */
    public boolean changes(String type, int typeVersion) {
        return !byTypeAndVersion.isEmpty() && byTypeAndVersion.containsKey(key(type, typeVersion));
    }

    /** A payload brought forward: the version it reached and the payload in that version. */
    public record Upcast(int version, JsonNode payload) {
    }

    /**
     * Brings a payload of {@code type} at {@code typeVersion} forward through every upcaster that applies, as
     * {@link #upcast(StoredEvent)} does for a stored event; for the records of other services' topics.
     */
    public Upcast upcast(String type, int typeVersion, JsonNode payload) {
        int version = typeVersion;
        JsonNode current = payload;
        Upcaster next;
        while ((next = byTypeAndVersion.get(key(type, version))) != null) {
            current = next.upcast(current);
            version++;
        }
        return new Upcast(version, current);
    }

    public StoredEvent upcast(StoredEvent event) {
        StoredEvent current = event;
        Upcaster next;
        while ((next = byTypeAndVersion.get(key(current.type(), current.typeVersion()))) != null) {
            current = current.withPayload(current.typeVersion() + 1, next.upcast(current.payload()));
        }
        return current;
    }

    private static String key(String type, int version) {
        return type + "#" + version;
    }
}
