package io.xunshi.contracts;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.xunshi.contracts.coordination.JurisdictionEvent;
import io.xunshi.contracts.coordination.OrganisationEvent;
import io.xunshi.contracts.discipline.DisciplineReport;
import io.xunshi.contracts.inspection.CadreEvent;
import io.xunshi.contracts.inspection.ClueEvent;
import io.xunshi.contracts.inspection.InspectionEvent;
import io.xunshi.contracts.inspection.PetitionEvent;
import io.xunshi.contracts.inspection.TeamEvent;
import io.xunshi.contracts.planning.PlanningEvent;
import io.xunshi.contracts.rectification.RectificationEvent;

/**
 * Every event type the platform publishes — its record, its logical type, its current version, the service
 * that owns it, the topic it is published on and its JSON Schemas — derived from the sealed event hierarchies
 * of the contracts, with each record's {@code TYPE} and {@code VERSION} constants as the one place its type
 * and version are written (docs/adr/0018-event-catalog.md).
 *
 * <p>A new event type is a new record permitted by its service's sealed interface, with its two constants,
 * its JSON Schema under {@code schemas/} and its message in {@code asyncapi.yaml}: the contracts' tests fail
 * until all three agree (see docs/contracts.md). A new hierarchy is added to {@link #hierarchies()}.
 * Everything that lists event types — codecs, consumers, projections, the upcasters, the topics, the schema
 * and AsyncAPI checks — derives from here or is checked against it.
 */
public final class EventCatalog {

    /** The prefix of every logical type and topic. */
    public static final String NAMESPACE = "xunshi";

    /**
     * One event type.
     *
     * @param record the record that carries its payload, in the current version
     * @param type the logical type, {@code xunshi.<service>.<EventName>}
     * @param version the current version of its payload; earlier versions stay on the log for ever
     */
    public record Entry(Class<? extends Record> record, String type, int version) {

        /**
         * The type and version a record declares in its {@code public static final String TYPE} and
         * {@code int VERSION} constants, read once per record. Any event record can be read so, catalogued or
         * not (a test's own records, for example); {@link EventCatalog#of} is the catalogued entry.
         *
         * @throws IllegalArgumentException if the record lacks one of the constants or they are malformed
         */
        public static Entry declaredBy(Class<? extends Record> record) {
            Object type = constant(record, "TYPE");
            Object version = constant(record, "VERSION");
            if (!(type instanceof String name)
                    || !name.matches(NAMESPACE + "(\\.[a-z][a-z0-9]*)+\\.[A-Z][A-Za-z0-9]*")) {
                throw new IllegalArgumentException(record.getName() + ".TYPE is not a logical type name such as "
                        + "xunshi.inspection.FindingRecorded: " + type);
            }
            if (!(version instanceof Integer number) || number < 1) {
                throw new IllegalArgumentException(record.getName() + ".VERSION is not a positive int: " + version);
            }
            return new Entry(record, name, number);
        }

        /** The {@code ce_type} of its events, e.g. {@code xunshi.coordination.OrganisationRegistered.v1}. */
        public String cloudEventType() {
            return cloudEventType(version);
        }

        /** The {@code ce_type} of its events at {@code version}. */
        public String cloudEventType(int version) {
            return type + ".v" + version;
        }

        /**
         * Every {@code ce_type} of it a consumer may read, from version 1 to the current one: the topics are
         * kept for ever, so records of earlier versions stay on them.
         */
        public List<String> publishedCloudEventTypes() {
            return IntStream.rangeClosed(1, version).mapToObj(this::cloudEventType).toList();
        }

        /** The service that publishes it, the second segment of its type. */
        public String service() {
            return serviceOf(type);
        }

        /** The topic it is published on. */
        public String topic() {
            return topicOf(service());
        }

        /** Whether a partner publishes it rather than one of the platform's services ({@link #isPartner}). */
        public boolean partner() {
            return isPartner(service());
        }

        /** Where the JSON Schema of its current version is, on the class path. */
        public String schemaResource() {
            return schemaResource(cloudEventType());
        }

        /**
         * Where the JSON Schema of one of its {@code ce_type}s is, on the class path and under
         * {@code src/main/resources}.
         */
        public static String schemaResource(String cloudEventType) {
            return "schemas/" + cloudEventType + ".json";
        }

        private static Object constant(Class<?> record, String name) {
            try {
                Field field = record.getDeclaredField(name);
                if (!Modifier.isStatic(field.getModifiers()) || !Modifier.isFinal(field.getModifiers())) {
                    throw new IllegalArgumentException(record.getName() + "." + name + " is not a constant");
                }
                field.setAccessible(true);
                return field.get(null);
            } catch (NoSuchFieldException e) {
                throw new IllegalArgumentException(record.getName() + " declares no " + name + " constant", e);
            } catch (IllegalAccessException e) {
                throw new IllegalArgumentException(record.getName() + "." + name + " cannot be read", e);
            }
        }
    }

    private static final List<Class<?>> HIERARCHIES = List.of(OrganisationEvent.class, JurisdictionEvent.class,
            PlanningEvent.class, InspectionEvent.class, CadreEvent.class, TeamEvent.class, PetitionEvent.class,
            ClueEvent.class,
            RectificationEvent.class, DisciplineReport.class);

    /**
     * The hierarchies whose records partners publish, not the platform: a partner's topic is written by the
     * partner's own systems (its Kafka principal alone may write it), with sources and ids of their own choosing, so
     * consumers do not hold its events to a {@code urn:xunshi:<owner>} source (docs/adr/0027).
     */
    private static final List<Class<?>> PARTNER_HIERARCHIES = List.of(DisciplineReport.class);

    private static final java.util.Set<String> PARTNERS = PARTNER_HIERARCHIES.stream()
            .flatMap(hierarchy -> records(hierarchy).stream())
            .map(record -> Entry.declaredBy(record.asSubclass(Record.class)).service())
            .collect(Collectors.toUnmodifiableSet());

    private static final List<Entry> ENTRIES = HIERARCHIES.stream()
            .flatMap(hierarchy -> records(hierarchy).stream())
            .distinct()
            .map(record -> Entry.declaredBy(record.asSubclass(Record.class)))
            .toList();

    private static final Map<String, Entry> BY_TYPE = ENTRIES.stream()
            .collect(Collectors.toUnmodifiableMap(Entry::type, Function.identity()));

    private static final Map<Class<?>, Entry> BY_RECORD = ENTRIES.stream()
            .collect(Collectors.toUnmodifiableMap(Entry::record, Function.identity()));

    private EventCatalog() {
    }

    /** The sealed interfaces whose records are the platform's events, one or more per publishing service. */
    public static List<Class<?>> hierarchies() {
        return HIERARCHIES;
    }

    /** The entries, hierarchy by hierarchy, each in the order its sealed interface permits them. */
    public static List<Entry> entries() {
        return ENTRIES;
    }

    /** The entry of a logical type (without version), e.g. {@code xunshi.planning.RoundLaunched}. */
    public static Optional<Entry> byType(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }

    /** The entry of a catalogued record. */
    public static Entry of(Class<?> record) {
        Entry entry = BY_RECORD.get(record);
        if (entry == null) {
            throw new IllegalArgumentException(record.getName() + " is not an event record of the catalog");
        }
        return entry;
    }

    /** The entries published on {@code topic}, e.g. {@code xunshi.planning.events}. */
    public static List<Entry> publishedOn(String topic) {
        return ENTRIES.stream().filter(entry -> entry.topic().equals(topic)).toList();
    }

    /**
     * Whether {@code owner} is a partner (e.g. {@code discipline}, the discipline organ) whose own systems write its
     * topic, rather than a service of the platform writing through its outbox relay.
     */
    public static boolean isPartner(String owner) {
        return PARTNERS.contains(owner);
    }

    /** The services and partners that publish events, in the order of the hierarchies. */
    public static List<String> services() {
        return ENTRIES.stream().map(Entry::service).distinct().toList();
    }

    /** The topics events are published on, one per publishing service. */
    public static List<String> topics() {
        return services().stream().map(EventCatalog::topicOf).toList();
    }

    /** The topic a service publishes its events on: {@code xunshi.<service>.events}. */
    public static String topicOf(String service) {
        return NAMESPACE + "." + service + ".events";
    }

    /** The service whose events a logical type names: its second segment ({@code planning} in ...). */
    public static String serviceOf(String type) {
        String[] segments = type.split("\\.");
        if (segments.length < 3 || !segments[0].equals(NAMESPACE)) {
            throw new IllegalArgumentException("not a logical type name such as xunshi.inspection.FindingRecorded: "
                    + type);
        }
        return segments[1];
    }

    /**
     * The records of an event hierarchy: the permitted records of a sealed interface, through any sealed
     * interfaces it permits, in the order they are permitted; a record is its own hierarchy.
     */
    @SuppressWarnings("unchecked")
    public static <E> List<Class<? extends E>> records(Class<E> hierarchy) {
        LinkedHashSet<Class<?>> found = new LinkedHashSet<>();
        collect(hierarchy, found);
        List<Class<? extends E>> records = new ArrayList<>();
        for (Class<?> record : found) {
            records.add((Class<? extends E>) record);
        }
        return records;
    }

    private static void collect(Class<?> hierarchy, LinkedHashSet<Class<?>> found) {
        if (hierarchy.isRecord()) {
            found.add(hierarchy);
        } else if (hierarchy.isSealed()) {
            for (Class<?> permitted : hierarchy.getPermittedSubclasses()) {
                collect(permitted, found);
            }
        } else {
            throw new IllegalArgumentException(hierarchy.getName() + " is neither a record nor a sealed interface");
        }
    }
}
