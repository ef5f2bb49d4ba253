package io.xunshi.rectification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.xunshi.contracts.inspection.FeedbackFinding;
import io.xunshi.contracts.inspection.FeedbackGiven;
import io.xunshi.contracts.inspection.FocusArea;
import io.xunshi.contracts.inspection.Severity;
import io.xunshi.kernel.security.Role;
import io.xunshi.rectification.domain.RectificationCase;
import io.xunshi.testing.CloudEventsOnKafka;
import io.xunshi.testing.TestTokens;

/**
 * The inspection service's side of the shared log, for tests: FeedbackGiven (and other) records on
 * {@code xunshi.inspection.events} in CloudEvents binary mode, as its outbox relay writes them.
 */
public final class InspectionFeedback {

    /** The organisation's head every feedback names: the case's first responsible person. */
    public static final String HEAD = "张三";

    public static final String TOPIC = "xunshi.inspection.events";
    public static final String DEAD_LETTER_TOPIC = "xunshi.inspection.events.rectification-feedback.dlq";
    public static final Duration WAIT = Duration.ofSeconds(60);

    private InspectionFeedback() {
    }

    /** Feedback on {@code findings} findings of a fresh inspection by {@code jurisdiction}. */
    /** The inspected organisation the fixtures place at a location: one per location, as its owners' tokens name. */
    public static String organisation(String organisationLocation) {
        return "org-" + organisationLocation;
    }

    public static FeedbackGiven feedback(String jurisdiction, String organisationLocation, LocalDate givenOn,
            int findings) {
        String inspectionId = UUID.randomUUID().toString();
        List<FeedbackFinding> list = new ArrayList<>();
        for (int i = 1; i <= findings; i++) {
            list.add(new FeedbackFinding("finding-" + i + "-" + inspectionId, i % 2 == 0
                    ? FocusArea.ORGANISATIONAL_LINE
                    : FocusArea.GOVERNANCE_RESPONSIBILITY, "问题" + i + "：落实主体责任不到位", Severity.SERIOUS));
        }
        return new FeedbackGiven(inspectionId, "round-" + inspectionId, "plan-" + jurisdiction, jurisdiction,
                organisation(organisationLocation), "受检单位" + organisationLocation, jurisdiction, organisationLocation,
                HEAD,
                givenOn, list);
    }

    /** An event as the inspection service's relay writes it, of an inspection at its fifth version. */
    public static CloudEventsOnKafka.Event inspectionEvent(String type, String subject, String jurisdiction) {
        return CloudEventsOnKafka.event(type, subject).jurisdiction(jurisdiction).aggregateType("Inspection")
                .version(5);
    }

    /** A FeedbackGiven record with the given event id, keyed by {@code key}. */
    public static CloudEventsOnKafka.Event record(UUID eventId, String key, FeedbackGiven feedback) {
        return inspectionEvent(FeedbackGiven.TYPE + ".v1", feedback.inspectionId(), feedback.jurisdiction())
                .id(eventId).key(key).data(feedback);
    }

    /**
     * Publishes records in order on {@link #TOPIC}, as the inspection service's relay would, and waits until
     * the broker has acknowledged every one.
     */
    public static void send(CloudEventsOnKafka.Event... records) {
        CloudEventsOnKafka.publish(TOPIC, records);
    }

    /** Publishes a FeedbackGiven with the given event id, keyed by its inspection, and waits for the ack. */
    public static void publish(UUID eventId, FeedbackGiven feedback) {
        send(record(eventId, feedback.inspectionId(), feedback));
    }

    /** The case id the feedback opens. */
    public static String caseOf(FeedbackGiven feedback) {
        return RectificationCase.caseIdFor(feedback.inspectionId());
    }

    /** Publishes the feedback and waits until its case can be read; returns the case id. */
    public static String opened(FeedbackGiven feedback) {
        publish(UUID.randomUUID(), feedback);
        String caseId = caseOf(feedback);
        String office = TestTokens.bearer(Role.INSPECTION_OFFICE, feedback.jurisdiction());
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> given().header("Authorization", office)
                .get("/api/v1/rectification-cases/" + caseId).statusCode() == 200);
        return caseId;
    }
}
