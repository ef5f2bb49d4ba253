package io.xunshi.local;

import java.util.Locale;

/** The four services of the platform. Their default ports are those of the {@code run} options. */
enum Service {

    PLANNING, INSPECTION, RECTIFICATION, COORDINATION;

    /** The name used for its module folder, its log file and on the command line. */
    String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Service byId(String id) {
        for (Service service : values()) {
            if (service.id().equals(id.trim().toLowerCase(Locale.ROOT))) {
                return service;
            }
        }
        throw new IllegalArgumentException(
                "unknown service '" + id + "'; known: planning, inspection, rectification, coordination");
    }
}
