package io.xunshi.kernel.aggregate;

import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.xunshi.kernel.eventstore.StoredEvent;

/**
 * Maps an aggregate's event records to their logical type names and JSON payloads and back. Only the
 * current version of each type is decoded: older versions reach the codec already upcast.
 */
public final class EventCodec<E> {

    public record Encoded(String type, int typeVersion, JsonNode payload) {
    }

    private record TypeName(String type, int version) {
    }

    private final ObjectMapper json;
    private final Map<Class<? extends E>, TypeName> names = new HashMap<>();
    private final Map<String, Class<? extends E>> classes = new HashMap<>();

    public EventCodec(ObjectMapper json) {
        this.json = json;
    }

    public EventCodec<E> register(String type, int currentVersion, Class<? extends E> eventClass) {
        names.put(eventClass, new TypeName(type, currentVersion));
        classes.put(type, eventClass);
        return this;
    }

    public Encoded encode(E event) {
        TypeName name = names.get(event.getClass());
        if (name == null) {
            throw new IllegalArgumentException("no logical type registered for " + event.getClass().getName());
        }
        return new Encoded(name.type(), name.version(), json.valueToTree(event));
    }

    public E decode(StoredEvent stored) {
        Class<? extends E> eventClass = classes.get(stored.type());
        if (eventClass == null) {
            throw new IllegalArgumentException("unknown event type " + stored.type() + " in stream " + stored.streamId());
        }
        TypeName name = names.get(eventClass);
        if (stored.typeVersion() != name.version()) {
            throw new IllegalStateException(stored.type() + " v" + stored.typeVersion() + " has no upcaster to v"
                    + name.version());
        }
        try {
            return json.treeToValue(stored.payload(), eventClass);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored " + stored.type() + " does not decode", e);
        }
    }
}
