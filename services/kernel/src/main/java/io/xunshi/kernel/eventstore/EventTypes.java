package io.xunshi.kernel.eventstore;

import java.util.regex.Pattern;

/** Event types are stable logical names — never Java class names — with a separate version number. */
public final class EventTypes {

    private static final Pattern LOGICAL_NAME = Pattern.compile("xunshi(\\.[a-z][a-z0-9]*)+\\.[A-Z][A-Za-z0-9]*");

    private EventTypes() {
    }

    static void requireLogicalName(String type) {
        if (type == null || !LOGICAL_NAME.matcher(type).matches()) {
            throw new IllegalArgumentException(
                    "event type must be a logical name such as xunshi.inspection.FindingRecorded: " + type);
        }
    }

    /** The CloudEvents type of an event: its logical name and version, e.g. {@code ...FindingRecorded.v1}. */
    public static String cloudEventType(String type, int typeVersion) {
        return type + ".v" + typeVersion;
    }
}
