package io.xunshi.contracts;

import java.util.List;
import java.util.stream.IntStream;

import io.xunshi.contracts.coordination.OrganisationRegistered;
import io.xunshi.contracts.coordination.OrganisationRenamed;

/**
 * Every event type the platform publishes: its record, its logical type and its current version. A new event
 * type is added here, with its JSON Schema under {@code schemas/} and its message in {@code asyncapi.yaml};
 * the contracts' tests fail until all three agree (see docs/contracts.md).
 */
public final class EventCatalog {

    /**
     * One event type.
     *
     * @param record the record that carries its payload, in the current version
     * @param type the logical type, {@code xunshi.<service>.<EventName>}
     * @param version the current version of its payload; earlier versions stay on the log for ever
     */
    public record Entry(Class<? extends Record> record, String type, int version) {

        /** The {@code ce_type} of its events, e.g. {@code xunshi.coordination.OrganisationRegistered.v1}. */
        public String cloudEventType() {
            return type + ".v" + version;
        }

        /**
         * Every {@code ce_type} of it a consumer may read, from version 1 to the current one: the topics are
         * kept for ever, so records of earlier versions stay on them.
         */
        public List<String> publishedCloudEventTypes() {
            return IntStream.rangeClosed(1, version).mapToObj(v -> type + ".v" + v).toList();
        }

        /** The service that publishes it, the second segment of its type. */
        public String service() {
            return type.split("\\.")[1];
        }

        /** The topic it is published on. */
        public String topic() {
            return "xunshi." + service() + ".events";
        }

        /**
         * Where the JSON Schema of one of its {@code ce_type}s is, on the class path and under
         * {@code src/main/resources}.
         */
        public static String schemaResource(String cloudEventType) {
            return "schemas/" + cloudEventType + ".json";
        }
    }

    private static final List<Entry> ENTRIES = List.of(
            new Entry(OrganisationRegistered.class, OrganisationRegistered.TYPE, OrganisationRegistered.VERSION),
            new Entry(OrganisationRenamed.class, OrganisationRenamed.TYPE, OrganisationRenamed.VERSION));

    private EventCatalog() {
    }

    /** The entries, in the order they were added. */
    public static List<Entry> entries() {
        return ENTRIES;
    }
}
