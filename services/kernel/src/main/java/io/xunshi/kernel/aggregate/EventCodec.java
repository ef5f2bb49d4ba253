package io.xunshi.kernel.aggregate;

import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.xunshi.contracts.EventCatalog;
import io.xunshi.kernel.eventstore.StoredEvent;

/**
 * Maps an aggregate's event records to their logical type names and JSON payloads and back. Only the
 * current version of each type is decoded: older versions reach the codec already upcast.
 *
 * <p>Derived from the aggregate's sealed event hierarchy ({@link #of}): each permitted record's type and
 * version are the {@code TYPE} and {@code VERSION} constants it declares, read once, as the
 * {@link EventCatalog} reads them; there is no list to keep in step with the hierarchy.
 */
public final class EventCodec<E> {

    public record Encoded(String type, int typeVersion, JsonNode payload) {
    }

    private final ObjectMapper json;
    private final Map<Class<?>, EventCatalog.Entry> names = new HashMap<>();
    private final Map<String, EventCatalog.Entry> entries = new HashMap<>();

    private EventCodec(ObjectMapper json) {
        this.json = json;
    }

    /**
     * The codec of every record of {@code events}: a sealed interface (through any sealed interfaces it
     * permits), or a single event record.
     *
     * @throws IllegalArgumentException if a record declares no {@code TYPE} or {@code VERSION}, or two share a
     *         type
     */
    public static <E> EventCodec<E> of(ObjectMapper json, Class<E> events) {
        EventCodec<E> codec = new EventCodec<>(json);
        for (Class<? extends E> record : EventCatalog.records(events)) {
            EventCatalog.Entry entry = EventCatalog.Entry.declaredBy(record.asSubclass(Record.class));
            EventCatalog.Entry previous = codec.entries.put(entry.type(), entry);
            if (previous != null) {
                throw new IllegalArgumentException(previous.record().getName() + " and " + record.getName()
                        + " both declare " + entry.type());
            }
            codec.names.put(record, entry);
        }
        return codec;
    }

    public Encoded encode(E event) {
        EventCatalog.Entry name = names.get(event.getClass());
        if (name == null) {
            throw new IllegalArgumentException("no logical type registered for " + event.getClass().getName());
        }
        return new Encoded(name.type(), name.version(), json.valueToTree(event));
    }

    @SuppressWarnings("unchecked")
    public E decode(StoredEvent stored) {
        EventCatalog.Entry entry = entries.get(stored.type());
        if (entry == null) {
            throw new IllegalArgumentException(
                    "unknown event type " + stored.type() + " in stream " + stored.streamId());
        }
        if (stored.typeVersion() != entry.version()) {
            throw new IllegalStateException(stored.type() + " v" + stored.typeVersion() + " has no upcaster to v"
                    + entry.version());
        }
        try {
            return (E) json.treeToValue(stored.payload(), entry.record());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored " + stored.type() + " does not decode", e);
        }
    }
}
