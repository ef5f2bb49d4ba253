package io.xunshi.kernel.eventstore;

/**
 * Why an event happened: the correlation id shared by everything one request set off, the id of the
 * event or command that caused it, and who acted.
 */
public record EventMetadata(String correlationId, String causationId, String actor) {

    public static EventMetadata none() {
        return new EventMetadata(null, null, null);
    }
}
