package io.xunshi.rectification.infrastructure;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.xunshi.contracts.inspection.FeedbackGiven;
import io.xunshi.contracts.inspection.FindingRecorded;
import io.xunshi.contracts.inspection.InspectionClosed;
import io.xunshi.contracts.inspection.InspectionOpened;
import io.xunshi.contracts.inspection.InspectionReported;
import io.xunshi.contracts.inspection.InspectionStationed;
import io.xunshi.kernel.consumer.DeadLetterReason;
import io.xunshi.kernel.consumer.EventConsumer;
import io.xunshi.kernel.consumer.EventConsumers;
import io.xunshi.kernel.consumer.IncomingEvent;
import io.xunshi.kernel.consumer.Undeliverable;
import io.xunshi.kernel.domain.Jurisdictions;
import io.xunshi.kernel.eventstore.EventMetadata;
import io.xunshi.rectification.application.RectificationCases;

/**
 * Opens a rectification case when an inspection's feedback is given ({@code FeedbackGiven} on
 * {@code xunshi.inspection.events}), once per event, in the transaction that records the event in the
 * inbox. The other types the inspection topic carries are passed over; anything else, and a feedback that
 * cannot open a case, goes to {@code xunshi.inspection.events.rectification-feedback.dlq}.
 */
@ApplicationScoped
public class FeedbackConsumer {

    private static final Logger LOG = Logger.getLogger(FeedbackConsumer.class);

    public static final String NAME = "rectification-feedback";
    public static final String FEEDBACK_GIVEN = FeedbackGiven.TYPE + ".v" + FeedbackGiven.VERSION;
    /** The inspection topic's other types, which a case does not need. */
    public static final List<String> IGNORED = List.of(InspectionOpened.TYPE + ".v1", InspectionStationed.TYPE + ".v1",
            FindingRecorded.TYPE + ".v1", InspectionReported.TYPE + ".v1", InspectionClosed.TYPE + ".v1");

    private final EventConsumer consumer;
    private final RectificationCases cases;
    /** Payloads may carry properties added after this version was built: they are ignored (docs/contracts.md). */
    private final ObjectReader feedbackReader;

    @Inject
    public FeedbackConsumer(EventConsumers consumers, RectificationCases cases, ObjectMapper json) {
        this.cases = cases;
        this.feedbackReader = json.readerFor(FeedbackGiven.class)
                .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.consumer = consumers.define(NAME)
                .on(FEEDBACK_GIVEN, (conn, event) -> openCase(conn, feedback(event), metadata(event)))
                .ignore(IGNORED)
                .build();
    }

    /**
     * Opens the case, unless the inspection found nothing: a clean inspection leaves nothing to rectify, so
     * its feedback opens no case (planning counts it as effectively covered).
     */
    private Uni<Void> openCase(SqlConnection conn, FeedbackGiven feedback, EventMetadata metadata) {
        if (feedback.findings().isEmpty()) {
            LOG.infof("feedback of inspection %s reports no findings: nothing to rectify, no case opened",
                    feedback.inspectionId());
            return Uni.createFrom().voidItem();
        }
        return cases.open(conn, feedback, metadata).replaceWithVoid();
    }

    @Incoming("inspection-events")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        return consumer.consume(record).replaceWithVoid();
    }

    private FeedbackGiven feedback(IncomingEvent event) {
        FeedbackGiven feedback;
        try {
            feedback = feedbackReader.treeToValue(event.payload(), FeedbackGiven.class);
        } catch (JsonProcessingException e) {
            throw new Undeliverable(DeadLetterReason.INVALID_PAYLOAD, "FeedbackGiven " + event.id()
                    + " does not decode: " + e.getOriginalMessage(), e);
        }
        require(feedback.inspectionId() != null && !feedback.inspectionId().isBlank(), event, "inspectionId");
        require(Jurisdictions.isValid(feedback.jurisdiction()), event, "jurisdiction");
        require(Jurisdictions.isValid(feedback.organisationLocation()), event, "organisationLocation");
        require(feedback.organisationId() != null, event, "organisationId");
        require(feedback.organisationHead() != null && !feedback.organisationHead().isBlank(), event,
                "organisationHead");
        require(feedback.givenOn() != null, event, "givenOn");
        require(feedback.findings() != null && feedback.findings().stream().allMatch(f -> f != null
                && f.findingId() != null && f.description() != null), event, "findings");
        return feedback;
    }

    private static void require(boolean valid, IncomingEvent event, String field) {
        if (!valid) {
            throw new Undeliverable(DeadLetterReason.INVALID_PAYLOAD,
                    "FeedbackGiven " + event.id() + " lacks a valid " + field);
        }
    }

    private static EventMetadata metadata(IncomingEvent event) {
        return new EventMetadata(event.extension("correlationid"), event.id().toString(), NAME);
    }
}
