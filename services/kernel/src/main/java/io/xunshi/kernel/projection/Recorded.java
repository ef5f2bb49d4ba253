package io.xunshi.kernel.projection;

import io.xunshi.kernel.eventstore.StoredEvent;

/**
 * An event of the service's own store as a {@link Projection} receives it: the stored event ({@code event}: its
 * stream, version, jurisdiction, time and position) and its payload, upcast to its type's current version and
 * decoded once into the contract record of that version.
 *
 * @param <T> the contract record, or {@code ?} when a projection reads several
 */
public record Recorded<T>(StoredEvent event, T payload) {

    /** The payload as {@code record}, for a projection that reads several types. */
    public <R> R payloadAs(Class<R> record) {
        return record.cast(payload);
    }

    /** Whether the payload is a {@code record}. */
    public boolean is(Class<?> record) {
        return record.isInstance(payload);
    }
}
