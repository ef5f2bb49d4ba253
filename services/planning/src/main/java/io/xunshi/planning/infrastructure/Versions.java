package io.xunshi.planning.infrastructure;

import java.util.Optional;

import io.xunshi.kernel.consumer.IncomingEvent;

/** The sending stream's version of an incoming event, from its {@code ce_aggregateversion} header. */
final class Versions {

    private Versions() {
    }

    /**
     * What keeps an event from being applied: a field without a text value, or {@code date} (when given)
     * not an ISO date; empty when it can be applied. Returned from {@code unusable}, so the kernel passes
     * over such an event, logs it and counts it rather than holding the projection back for ever.
     */
    static Optional<String> unusable(IncomingEvent event, String date, String... fields) {
        Optional<String> missing = event.missingText(fields);
        if (missing.isPresent() || date == null) {
            return missing;
        }
        try {
            java.time.LocalDate.parse(event.payload().path(date).asText());
            return Optional.empty();
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.of(date + " is not an ISO date");
        }
    }

    /** The event's version in its stream, or 0 when the header is missing or unreadable. */
    static int of(IncomingEvent event) {
        return event.aggregateVersion().orElse(0);
    }
}
