package io.xunshi.kernel.eventstore;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Turns the payload of one version of an event type into the next version's, so that events written
 * long ago stay readable as the current version. Upcasters are CDI beans; the store chains them on read.
 */
public interface Upcaster {

    /** The logical event type, e.g. {@code xunshi.inspection.FindingRecorded}. */
    String type();

    /** The version this upcaster reads; it produces {@code fromVersion() + 1}. */
    int fromVersion();

    JsonNode upcast(JsonNode payload);
}
