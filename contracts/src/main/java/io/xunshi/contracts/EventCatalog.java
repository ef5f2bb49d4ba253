package io.xunshi.contracts;

import java.util.List;
import java.util.stream.IntStream;

import io.xunshi.contracts.coordination.OrganisationRegistered;
import io.xunshi.contracts.coordination.OrganisationRenamed;
import io.xunshi.contracts.coordination.JurisdictionRegistered;
import io.xunshi.contracts.coordination.JurisdictionRenamed;
import io.xunshi.contracts.inspection.InspectionOpened;
import io.xunshi.contracts.inspection.InspectionStationed;
import io.xunshi.contracts.inspection.FindingRecorded;
import io.xunshi.contracts.inspection.InspectionReported;
import io.xunshi.contracts.inspection.FeedbackGiven;
import io.xunshi.contracts.inspection.InspectionClosed;
import io.xunshi.contracts.planning.WorkPlanIssued;
import io.xunshi.contracts.planning.RoundScheduled;
import io.xunshi.contracts.planning.RoundLaunched;
import io.xunshi.contracts.rectification.RectificationCaseOpened;
import io.xunshi.contracts.rectification.RectificationProgressReported;
import io.xunshi.contracts.rectification.RectificationTaskClosed;
import io.xunshi.contracts.rectification.RectificationReportSubmitted;
import io.xunshi.contracts.rectification.RectificationEvaluated;

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
            entry(OrganisationRegistered.class, OrganisationRegistered.TYPE, OrganisationRegistered.VERSION),
            entry(OrganisationRenamed.class, OrganisationRenamed.TYPE, OrganisationRenamed.VERSION),
            entry(JurisdictionRegistered.class, JurisdictionRegistered.TYPE, JurisdictionRegistered.VERSION),
            entry(JurisdictionRenamed.class, JurisdictionRenamed.TYPE, JurisdictionRenamed.VERSION),
            entry(WorkPlanIssued.class, WorkPlanIssued.TYPE, WorkPlanIssued.VERSION),
            entry(RoundScheduled.class, RoundScheduled.TYPE, RoundScheduled.VERSION),
            entry(RoundLaunched.class, RoundLaunched.TYPE, RoundLaunched.VERSION),
            entry(InspectionOpened.class, InspectionOpened.TYPE, InspectionOpened.VERSION),
            entry(InspectionStationed.class, InspectionStationed.TYPE, InspectionStationed.VERSION),
            entry(FindingRecorded.class, FindingRecorded.TYPE, FindingRecorded.VERSION),
            entry(InspectionReported.class, InspectionReported.TYPE, InspectionReported.VERSION),
            entry(FeedbackGiven.class, FeedbackGiven.TYPE, FeedbackGiven.VERSION),
            entry(InspectionClosed.class, InspectionClosed.TYPE, InspectionClosed.VERSION),
            entry(RectificationCaseOpened.class, RectificationCaseOpened.TYPE, RectificationCaseOpened.VERSION),
            entry(RectificationProgressReported.class, RectificationProgressReported.TYPE, RectificationProgressReported.VERSION),
            entry(RectificationTaskClosed.class, RectificationTaskClosed.TYPE, RectificationTaskClosed.VERSION),
            entry(RectificationReportSubmitted.class, RectificationReportSubmitted.TYPE, RectificationReportSubmitted.VERSION),
            entry(RectificationEvaluated.class, RectificationEvaluated.TYPE, RectificationEvaluated.VERSION));

    private static Entry entry(Class<? extends Record> record, String type, int version) {
        return new Entry(record, type, version);
    }

    private EventCatalog() {
    }

    /** The entries, in the order they were added. */
    public static List<Entry> entries() {
        return ENTRIES;
    }
}
