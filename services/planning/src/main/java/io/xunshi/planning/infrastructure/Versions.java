package io.xunshi.planning.infrastructure;

import io.xunshi.kernel.consumer.IncomingEvent;

/** The sending stream's version of an incoming event, from its {@code ce_aggregateversion} header. */
final class Versions {

    private Versions() {
    }

    /**
     * True when the payload has a text value for each field (and, for {@code date}, an ISO date): an event
     * without them cannot be applied and is passed over rather than holding the projection back for ever.
     */
    static boolean complete(IncomingEvent event, String date, String... fields) {
        for (String field : fields) {
            if (!event.payload().path(field).isTextual() || event.payload().path(field).asText().isBlank()) {
                return false;
            }
        }
        if (date == null) {
            return true;
        }
        try {
            java.time.LocalDate.parse(event.payload().path(date).asText());
            return true;
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
    }

    /** The event's version in its stream, or 0 when the header is missing or unreadable. */
    static int of(IncomingEvent event) {
        return event.aggregateVersion().orElse(0);
    }
}
