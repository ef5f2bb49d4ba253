package io.xunshi.inspection.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.xunshi.contracts.EventCatalog;
import io.xunshi.contracts.discipline.ClueDispositionReported;
import io.xunshi.contracts.discipline.ClueReceiptReported;
import io.xunshi.contracts.discipline.DisciplineReport;
import io.xunshi.contracts.inspection.ClueReceiver;
import io.xunshi.inspection.application.Clues;
import io.xunshi.inspection.domain.Clue;
import io.xunshi.kernel.consumer.DeadLetterReason;
import io.xunshi.kernel.consumer.EventConsumer;
import io.xunshi.kernel.consumer.EventConsumers;
import io.xunshi.kernel.consumer.IncomingEvent;
import io.xunshi.kernel.consumer.Undeliverable;
import io.xunshi.kernel.domain.DomainRejection;
import io.xunshi.kernel.domain.InvalidCommand;
import io.xunshi.kernel.domain.Jurisdictions;
import io.xunshi.kernel.eventstore.EventMetadata;

/**
 * The consumer {@code clue-reports} of the discipline organ's own topic {@code xunshi.discipline.events}
 * (docs/adr/0027): each receipt acknowledges, each disposition disposes of the clue it names, as the organ's liaison
 * would over REST, in one transaction with the inbox entry (keyed by {@code ce_source} and {@code ce_id}: the organ's
 * systems choose their own ids). The organ's principal alone may write the topic, so any source is accepted; what
 * the report may touch is decided by the clue's rules for receivers' reports: only clues handed over to the discipline
 * organ, in the subtree of the jurisdiction the report names ({@code ce_jurisdiction}). A report refused goes to
 * {@code xunshi.discipline.events.clue-reports.dlq} with its rule ({@code rejected: clue-not-the-receivers …}), where
 * the organ reads it.
 */
// Built at start-up, not at the first record: its metrics (xunshi_consumer_stalled) are scraped from the start.
@Startup
@ApplicationScoped
public class ClueReportConsumer {

    public static final String NAME = "clue-reports";
    public static final String CHANNEL = "discipline-events";
    public static final String RECEIPT = EventCatalog.of(ClueReceiptReported.class).cloudEventType();
    public static final String DISPOSITION = EventCatalog.of(ClueDispositionReported.class).cloudEventType();

    private static final Logger LOG = Logger.getLogger(ClueReportConsumer.class);

    private final EventConsumer consumer;
    private final Clues clues;

    @Inject
    public ClueReportConsumer(EventConsumers consumers, Clues clues) {
        this.clues = clues;
        this.consumer = consumers.define(NAME)
                .on(ClueReceiptReported.class, this::received)
                .on(ClueDispositionReported.class, this::disposed)
                .build();
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        return consumer.consume(record).replaceWithVoid();
    }

    private Uni<Void> received(SqlConnection conn, IncomingEvent event, ClueReceiptReported receipt) {
        incomplete(event, receipt, receipt.receivedBy() == null || receipt.receivedOn() == null);
        return report(conn, event, receipt, new Clue.ReceiverAcknowledges(ClueReceiver.DISCIPLINE_ORGAN,
                reporter(event), new Clue.Acknowledge(by(receipt.receivedBy()), receipt.receivedOn())));
    }

    private Uni<Void> disposed(SqlConnection conn, IncomingEvent event, ClueDispositionReported disposition) {
        incomplete(event, disposition, disposition.disposition() == null || disposition.summary() == null
                || disposition.summary().isBlank() || disposition.reportedBy() == null
                || disposition.disposedOn() == null);
        return report(conn, event, disposition, new Clue.ReceiverDisposes(ClueReceiver.DISCIPLINE_ORGAN,
                reporter(event), new Clue.Dispose(disposition.disposition(), disposition.summary(),
                        by(disposition.reportedBy()), disposition.disposedOn())));
    }

    private Uni<Void> report(SqlConnection conn, IncomingEvent event, DisciplineReport report,
            Clue.ReceiverReport command) {
        String correlation = event.extension("correlationid");
        EventMetadata metadata = new EventMetadata(correlation == null ? event.id() : correlation, event.id(),
                "consumer:" + NAME);
        return clues.reported(conn, report.clueId(), command, metadata)
                .invoke(clue -> LOG.debugf("clue %s: %s from %s recorded (%s)", report.clueId(), event.type(),
                        event.source(), clue.state().status()))
                .onFailure(f -> f instanceof DomainRejection).transform(f -> {
                    DomainRejection rejection = (DomainRejection) f;
                    String field = f instanceof InvalidCommand invalid ? " (" + invalid.field() + ")" : "";
                    return new Undeliverable(DeadLetterReason.REJECTED, rejection.code() + field + ": "
                            + event.cloudEventType() + " " + event.id() + " from " + event.source() + ": "
                            + rejection.getMessage());
                })
                .replaceWithVoid();
    }

    /** The jurisdiction of the reporting organ, which every report names. */
    private static String reporter(IncomingEvent event) {
        String jurisdiction = event.jurisdiction();
        if (!Jurisdictions.isValid(jurisdiction)) {
            throw new Undeliverable(DeadLetterReason.INVALID_PAYLOAD, event.cloudEventType() + " " + event.id()
                    + " names no valid ce_jurisdiction of the reporting organ: " + jurisdiction);
        }
        return jurisdiction;
    }

    /** Who reported, as the clue records it: the organ's reference, marked as coming from its topic. */
    private static String by(String reference) {
        return "discipline-organ:" + reference.strip();
    }

    private static void incomplete(IncomingEvent event, DisciplineReport report, boolean incomplete) {
        if (report.clueId() == null || report.clueId().isBlank() || incomplete) {
            throw new Undeliverable(DeadLetterReason.INVALID_PAYLOAD, event.cloudEventType() + " " + event.id()
                    + " lacks a required property: " + report);
        }
    }
}
