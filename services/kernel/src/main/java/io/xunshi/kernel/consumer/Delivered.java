package io.xunshi.kernel.consumer;

/**
 * An event of another service's topic as a topic projection receives it: the CloudEvent's attributes
 * ({@code event}: id, subject, jurisdiction, time, extensions such as {@code aggregateversion}) and its payload
 * upcast and decoded into the contract record of its type's current version.
 *
 * @param <T> the contract record, or {@code ?} when a projection reads several
 */
public record Delivered<T>(IncomingEvent event, T payload) {

    /** The payload as {@code record}, for a projection that reads several types. */
    public <R> R payloadAs(Class<R> record) {
        return record.cast(payload);
    }

    /** Whether the payload is a {@code record}. */
    public boolean is(Class<?> record) {
        return record.isInstance(payload);
    }
}
