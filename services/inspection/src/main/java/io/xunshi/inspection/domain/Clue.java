package io.xunshi.inspection.domain;

import java.time.LocalDate;
import java.util.List;

import io.xunshi.contracts.inspection.ClueAcknowledged;
import io.xunshi.contracts.inspection.ClueCategory;
import io.xunshi.contracts.inspection.ClueDisposed;
import io.xunshi.contracts.inspection.ClueDisposition;
import io.xunshi.contracts.inspection.ClueEvent;
import io.xunshi.contracts.inspection.ClueHandedOver;
import io.xunshi.contracts.inspection.ClueReceiver;
import io.xunshi.kernel.domain.DomainRejection;
import io.xunshi.kernel.domain.ExhaustiveDecider;
import io.xunshi.kernel.domain.InvalidCommand;
import io.xunshi.kernel.domain.Jurisdictions;

/**
 * One problem clue (问题线索) an inspection hands over by its classified disposition (Art. 28): handed over → acknowledged
 * by the receiver → disposed of, reported back within the configured months (three by default, Art. 29). Open clues
 * past their due date are overdue.
 */
public final class Clue extends ExhaustiveDecider<Clue.Command, ClueEvent, Clue.State> {

    /** Where a clue is in its loop. */
    public enum ClueStatus {
        HANDED_OVER, ACKNOWLEDGED, DISPOSED
    }

    public static final String ALREADY_HANDED_OVER = "clue-already-handed-over";
    public static final String NOT_HANDED_OVER = "clue-not-handed-over";
    /** 409: clues are handed over once the team is stationed, not while it prepares. */
    public static final String INSPECTION_NOT_STATIONED = "inspection-not-stationed";
    public static final String ALREADY_ACKNOWLEDGED = "clue-already-acknowledged";
    public static final String ALREADY_DISPOSED = "clue-already-disposed";
    /** 422 on receiverUnit: a clue for a relevant unit names the unit. */
    public static final String RECEIVER_UNIT_MISSING = "receiver-unit-missing";
    public static final String DATE_OUT_OF_ORDER = "date-out-of-order";
    /** A receiver reporting on its own topic on a clue that went to another receiver. */
    public static final String NOT_THE_RECEIVERS = "clue-not-the-receivers";
    /** A receiver reporting on a clue outside its jurisdiction's subtree. */
    public static final String OUTSIDE_REPORTERS_JURISDICTION = "clue-outside-reporters-jurisdiction";

    public sealed interface Command permits HandOver, Acknowledge, Dispose, ReceiverReport {
    }

    /**
     * Hands a clue of {@code inspection} over; the receiver follows from the category, the due date from
     * {@code dueMonths}.
     */
    public record HandOver(String clueId, Inspection.State inspection, ClueCategory category, String receiverUnit,
            String summary, String concerns, List<String> petitionIds, LocalDate handedOverOn, int dueMonths)
            implements
                Command {
    }

    public record Acknowledge(String acknowledgedBy, LocalDate acknowledgedOn) implements Command {
    }

    public record Dispose(ClueDisposition disposition, String summary, String disposedBy, LocalDate disposedOn)
            implements
                Command {
    }

    /**
     * What a receiver reports on a topic of its own (docs/adr/0027), not as a caller of the API: it may report only on
     * the clues that went to it, in its jurisdiction's subtree, and a report repeated (a partner's system sending
     * again under a new id) has no second effect.
     */
    public sealed interface ReceiverReport extends Command permits ReceiverAcknowledges, ReceiverDisposes {

        ClueReceiver receiver();

        /** The reporting organ's jurisdiction. */
        String reporterJurisdiction();
    }

    /** A receiver confirms receipt; nothing happens if the clue was acknowledged or disposed of already. */
    public record ReceiverAcknowledges(ClueReceiver receiver, String reporterJurisdiction, Acknowledge acknowledge)
            implements
                ReceiverReport {
    }

    /** A receiver reports its disposition; nothing happens if this very disposition was recorded already. */
    public record ReceiverDisposes(ClueReceiver receiver, String reporterJurisdiction, Dispose dispose)
            implements
                ReceiverReport {
    }

    public record State(String clueId, String inspectionId, String roundId, String team, String jurisdiction,
            String organisationId, ClueCategory category, ClueReceiver receiver, String receiverUnit, String summary,
            String concerns, List<String> petitionIds, LocalDate handedOverOn, LocalDate dueOn, ClueStatus status,
            LocalDate acknowledgedOn, ClueDisposition disposition, String dispositionSummary, LocalDate disposedOn,
            boolean late) {

        static final State NONE = new State(null, null, null, null, null, null, null, null, null, null, null,
                List.of(), null, null, null, null, null, null, null, false);

        public boolean handedOver() {
            return clueId != null;
        }

        /** Whether the clue is open past its due date on {@code today}. */
        public boolean overdue(LocalDate today) {
            return status != ClueStatus.DISPOSED && dueOn != null && today.isAfter(dueOn);
        }

        static State from(ClueHandedOver h) {
            return new State(h.clueId(), h.inspectionId(), h.roundId(), h.team(), h.jurisdiction(), h.organisationId(),
                    h.category(), h.receiver(), h.receiverUnit(), h.summary(), h.concerns(),
                    h.petitionIds() == null ? List.of() : List.copyOf(h.petitionIds()), h.handedOverOn(), h.dueOn(),
                    ClueStatus.HANDED_OVER, null, null, null, null, false);
        }

        State acknowledged(ClueAcknowledged a) {
            return new State(clueId, inspectionId, roundId, team, jurisdiction, organisationId, category, receiver,
                    receiverUnit, summary, concerns, petitionIds, handedOverOn, dueOn, ClueStatus.ACKNOWLEDGED,
                    a.acknowledgedOn(), disposition, dispositionSummary, disposedOn, late);
        }

        State disposed(ClueDisposed d) {
            return new State(clueId, inspectionId, roundId, team, jurisdiction, organisationId, category, receiver,
                    receiverUnit, summary, concerns, petitionIds, handedOverOn, dueOn, ClueStatus.DISPOSED,
                    acknowledgedOn, d.disposition(), d.summary(), d.disposedOn(), d.late());
        }
    }

    public Clue() {
        super(rules(Command.class, ClueEvent.class, State.NONE)
                .decide(HandOver.class, Clue::handOver)
                .decide(Acknowledge.class, Clue::acknowledge)
                .decide(Dispose.class, Clue::dispose)
                .decide(ReceiverAcknowledges.class, Clue::receiverAcknowledges)
                .decide(ReceiverDisposes.class, Clue::receiverDisposes)
                .evolve(ClueHandedOver.class, (state, h) -> State.from(h))
                .evolve(ClueAcknowledged.class, State::acknowledged)
                .evolve(ClueDisposed.class, State::disposed));
    }

    private static List<ClueEvent> handOver(HandOver h, State state) {
        if (state.handedOver()) {
            throw new DomainRejection(ALREADY_HANDED_OVER, "clue " + state.clueId() + " was handed over already");
        }
        Inspection.State inspection = h.inspection();
        if (inspection.status() == Inspection.Status.PREPARING) {
            throw new DomainRejection(INSPECTION_NOT_STATIONED, "clues are handed over once the team is stationed;"
                    + " the inspection is preparing");
        }
        String unit = h.receiverUnit() == null || h.receiverUnit().isBlank() ? null : h.receiverUnit().strip();
        if (h.category().receiver() == ClueReceiver.RELEVANT_UNIT && unit == null) {
            throw new InvalidCommand(RECEIVER_UNIT_MISSING, "receiverUnit", "a clue of category OTHER goes to the"
                    + " relevant unit, which must be named");
        }
        if (h.handedOverOn().isBefore(inspection.stationedOn())) {
            throw new InvalidCommand(DATE_OUT_OF_ORDER, "handedOverOn", "handedOverOn " + h.handedOverOn()
                    + " is before the stationing on " + inspection.stationedOn());
        }
        return List.of(new ClueHandedOver(h.clueId(), inspection.inspectionId(), inspection.roundId(),
                inspection.team(), inspection.jurisdiction(), inspection.organisationId(), h.category(),
                h.category().receiver(), unit, h.summary().strip(),
                h.concerns() == null || h.concerns().isBlank() ? null : h.concerns().strip(),
                h.petitionIds() == null ? List.of() : h.petitionIds().stream().map(String::strip).distinct().toList(),
                h.handedOverOn(), h.handedOverOn().plusMonths(h.dueMonths())));
    }

    private static List<ClueEvent> acknowledge(Acknowledge a, State state) {
        handedOver(state);
        if (state.status() != ClueStatus.HANDED_OVER) {
            throw new DomainRejection(ALREADY_ACKNOWLEDGED, "the clue is " + state.status());
        }
        notBefore(a.acknowledgedOn(), state.handedOverOn(), "acknowledgedOn");
        return List.of(new ClueAcknowledged(state.clueId(), a.acknowledgedBy(), a.acknowledgedOn()));
    }

    /** Once; a disposition reported without an acknowledgement acknowledges the receipt with it. */
    private static List<ClueEvent> dispose(Dispose d, State state) {
        handedOver(state);
        if (state.status() == ClueStatus.DISPOSED) {
            throw new DomainRejection(ALREADY_DISPOSED, "the clue was disposed of on " + state.disposedOn());
        }
        notBefore(d.disposedOn(), state.acknowledgedOn() == null ? state.handedOverOn() : state.acknowledgedOn(),
                "disposedOn");
        ClueDisposed disposed = new ClueDisposed(state.clueId(), d.disposition(), d.summary().strip(),
                d.disposedBy(), d.disposedOn(), d.disposedOn().isAfter(state.dueOn()));
        if (state.status() == ClueStatus.HANDED_OVER) {
            return List.of(new ClueAcknowledged(state.clueId(), d.disposedBy(), d.disposedOn()), disposed);
        }
        return List.of(disposed);
    }

    private static List<ClueEvent> receiverAcknowledges(ReceiverAcknowledges r, State state) {
        reportersClue(r, state);
        if (state.status() != ClueStatus.HANDED_OVER) {
            return List.of();
        }
        return acknowledge(r.acknowledge(), state);
    }

    private static List<ClueEvent> receiverDisposes(ReceiverDisposes r, State state) {
        reportersClue(r, state);
        Dispose d = r.dispose();
        if (state.status() == ClueStatus.DISPOSED && d.disposition() == state.disposition()
                && d.disposedOn().equals(state.disposedOn())
                && d.summary().strip().equals(state.dispositionSummary())) {
            return List.of();
        }
        return dispose(d, state);
    }

    /** The clue is there, went to the reporting receiver, and lies in the reporter's subtree. */
    private static void reportersClue(ReceiverReport r, State state) {
        handedOver(state);
        if (state.receiver() != r.receiver()) {
            throw new DomainRejection(NOT_THE_RECEIVERS, "clue " + state.clueId() + " was handed over to the "
                    + state.receiver() + ", not to the " + r.receiver());
        }
        if (r.reporterJurisdiction() == null
                || !Jurisdictions.contains(r.reporterJurisdiction(), state.jurisdiction())) {
            throw new DomainRejection(OUTSIDE_REPORTERS_JURISDICTION, "clue " + state.clueId() + " is of jurisdiction "
                    + state.jurisdiction() + ", outside the reporter's " + r.reporterJurisdiction());
        }
    }

    private static void handedOver(State state) {
        if (!state.handedOver()) {
            throw new DomainRejection(NOT_HANDED_OVER, "no such clue");
        }
    }

    private static void notBefore(LocalDate date, LocalDate earlier, String field) {
        if (earlier != null && date.isBefore(earlier)) {
            throw new InvalidCommand(DATE_OUT_OF_ORDER, field, field + " " + date + " is before " + earlier);
        }
    }
}
