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

    public sealed interface Command permits HandOver, Acknowledge, Dispose {
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
