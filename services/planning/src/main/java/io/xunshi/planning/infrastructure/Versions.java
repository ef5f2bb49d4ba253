package io.xunshi.planning.infrastructure;

import java.util.Optional;

import io.xunshi.kernel.consumer.Delivered;

/** The sending stream's version of an incoming event, and the checks the views share. */
final class Versions {

    private Versions() {
    }

    /**
     * What keeps an event from being applied: the first of {@code values} (named by {@code names}, in order)
     * that is null or blank text; empty when it can be applied. Returned from {@code unusable}, so the kernel
     * passes over such an event, logs it and counts it rather than holding the projection back for ever.
     */
    static Optional<String> missing(String[] names, Object... values) {
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            if (value == null || value instanceof String text && text.isBlank()) {
                return Optional.of("lacks " + names[i]);
            }
        }
        return Optional.empty();
    }

    static String[] names(String... names) {
        return names;
    }

    /** The event's version in its stream, or 0 when the header is missing or unreadable. */
    static int of(Delivered<?> event) {
        return event.event().aggregateVersion().orElse(0);
    }
}
