package io.xunshi.rectification.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.xunshi.contracts.inspection.FeedbackGiven;
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
 * inbox. The other types the inspection topic carries are passed over by design; a feedback that does not
 * decode or cannot open a case, a type inspection does not publish, or a record that is no CloudEvent goes to
 * {@code xunshi.inspection.events.rectification-feedback.dlq}.
 */
// Built at start-up, not at the first record: its metrics (xunshi_consumer_stalled) are scraped from the start.
@Startup
@ApplicationScoped
public class FeedbackConsumer {

    private static final Logger LOG = Logger.getLogger(FeedbackConsumer.class);

    public static final String NAME = "rectification-feedback";

    private final EventConsumer consumer;
    private final RectificationCases cases;

    @Inject
    public FeedbackConsumer(EventConsumers consumers, RectificationCases cases) {
        this.cases = cases;
        this.consumer = consumers.define(NAME)
                .on(FeedbackGiven.class, (conn, event, feedback) -> openCase(conn, valid(event, feedback),
                        metadata(event)))
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

    /** The feedback, if it has everything a case needs; else {@link Undeliverable} ({@code invalid-payload}). */
    private static FeedbackGiven valid(IncomingEvent event, FeedbackGiven feedback) {
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
        return new EventMetadata(event.extension("correlationid"), event.id(), NAME);
    }
}
