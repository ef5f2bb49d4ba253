package io.xunshi.planning.infrastructure;

import io.xunshi.kernel.consumer.IncomingEvent;

/** The sending stream's version of an incoming event, from its {@code ce_aggregateversion} header. */
final class Versions {

    private Versions() {
    }

    /** The event's version in its stream, or 0 when the header is missing or unreadable. */
    static int of(IncomingEvent event) {
        String version = event.extension("aggregateversion");
        if (version == null) {
            return 0;
        }
        try {
            return Integer.parseInt(version.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
