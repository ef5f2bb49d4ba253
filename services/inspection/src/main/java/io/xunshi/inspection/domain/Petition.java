package io.xunshi.inspection.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.xunshi.contracts.inspection.Informant;
import io.xunshi.contracts.inspection.PetitionChannel;
import io.xunshi.contracts.inspection.PetitionClassified;
import io.xunshi.contracts.inspection.PetitionEvent;
import io.xunshi.contracts.inspection.PetitionReceived;
import io.xunshi.contracts.inspection.PetitionScope;
import io.xunshi.contracts.inspection.PetitionTransferred;
import io.xunshi.contracts.inspection.ReporterErased;
import io.xunshi.contracts.inspection.ReporterIdentityRead;
import io.xunshi.contracts.inspection.TransferAnswered;
import io.xunshi.kernel.domain.DomainRejection;
import io.xunshi.kernel.domain.ExhaustiveDecider;
import io.xunshi.kernel.domain.InvalidCommand;

/**
 * One petition (信访) received by an inspection team during its stationing: received → classified by whom it concerns
 * → in scope, material for findings and problem clues; or out of scope → transferred to its department (转交) →
 * answered. The reporter's name and contact arrive sealed under a subject of their own; every opening of them is
 * recorded before it is answered, and erasing them destroys the subject's key (docs/adr/0025).
 */
public final class Petition extends ExhaustiveDecider<Petition.Command, PetitionEvent, Petition.State> {

    /** Where a petition is. */
    public enum PetitionStatus {
        RECEIVED, IN_SCOPE, OUT_OF_SCOPE, TRANSFERRED, ANSWERED
    }

    public static final String ALREADY_RECEIVED = "petition-already-received";
    public static final String NOT_RECEIVED = "petition-not-received";
    /** 409: petitions are received while the inspection's team is stationed. */
    public static final String INSPECTION_NOT_STATIONED = "inspection-not-stationed";
    public static final String ALREADY_CLASSIFIED = "petition-already-classified";
    /** 409: a transfer is for a petition classified out of scope, once. */
    public static final String NOT_OUT_OF_SCOPE = "petition-not-out-of-scope";
    public static final String NOT_TRANSFERRED = "petition-not-transferred";
    /** 409: the petition was received anonymously; there is no identity to open or erase. */
    public static final String ANONYMOUS = "petition-anonymous";
    /** 409: the reporter was erased; their identity can be opened nowhere again. */
    public static final String REPORTER_ERASED = "reporter-erased";
    public static final String DATE_OUT_OF_ORDER = "date-out-of-order";

    public sealed interface Command permits Receive, Classify, Transfer, RecordAnswer, OpenIdentity, EraseReporter {
    }

    /**
     * A petition received for the inspection {@code inspection} describes (its status and stationing decide whether
     * it may be received); {@code reporter} arrives sealed, or null when anonymous.
     */
    public record Receive(String petitionId, Inspection.State inspection, PetitionChannel channel,
            LocalDate receivedOn, String summary, String concerns, Informant reporter) implements Command {
    }

    public record Classify(PetitionScope scope, String classifiedBy, LocalDate classifiedOn) implements Command {
    }

    /** Transfers an out-of-scope petition; its department answers within {@code answerDays} days. */
    public record Transfer(String department, LocalDate transferredOn, int answerDays) implements Command {
    }

    public record RecordAnswer(String answer, LocalDate answeredOn) implements Command {
    }

    /** Opens the sealed reporter: recorded first (who, why, when), then answered. */
    public record OpenIdentity(String readBy, String reason, Instant readAt) implements Command {
    }

    public record EraseReporter(String erasedBy, String reason, Instant erasedAt) implements Command {
    }

    /** One recorded opening of the reporter's identity. */
    public record IdentityRead(String readBy, String reason, Instant readAt) {
    }

    public record State(String petitionId, String inspectionId, String roundId, String team, String jurisdiction,
            String organisationId, PetitionChannel channel, LocalDate receivedOn, String summary, String concerns,
            Informant reporter, PetitionStatus status, PetitionScope scope, String classifiedBy, LocalDate classifiedOn,
            String department, LocalDate transferredOn, LocalDate answerDue, String answer, LocalDate answeredOn,
            boolean answeredLate, List<IdentityRead> identityReads, Instant reporterErasedAt) {

        static final State NONE = new State(null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, false, List.of(), null);

        public boolean received() {
            return petitionId != null;
        }

        /** The subject the reporter is sealed under, or null for an anonymous petition. */
        public String reporterSubject() {
            return reporter == null ? null : reporter.subject();
        }

        public boolean reporterErased() {
            return reporterErasedAt != null;
        }

        /** Whether the transferred petition's answer is overdue on {@code today}. */
        public boolean answerOverdue(LocalDate today) {
            return status == PetitionStatus.TRANSFERRED && answerDue != null && today.isAfter(answerDue);
        }

        static State from(PetitionReceived r) {
            return new State(r.petitionId(), r.inspectionId(), r.roundId(), r.team(), r.jurisdiction(),
                    r.organisationId(), r.channel(), r.receivedOn(), r.summary(), r.concerns(), r.reporter(),
                    PetitionStatus.RECEIVED, null, null, null, null, null, null, null, null, false, List.of(), null);
        }

        State classified(PetitionClassified c) {
            return new State(petitionId, inspectionId, roundId, team, jurisdiction, organisationId, channel,
                    receivedOn, summary, concerns, reporter,
                    c.scope().inScope() ? PetitionStatus.IN_SCOPE : PetitionStatus.OUT_OF_SCOPE,
                    c.scope(), c.classifiedBy(), c.classifiedOn(), department, transferredOn, answerDue, answer,
                    answeredOn, answeredLate, identityReads, reporterErasedAt);
        }

        State transferred(PetitionTransferred t) {
            return new State(petitionId, inspectionId, roundId, team, jurisdiction, organisationId, channel,
                    receivedOn, summary, concerns, reporter, PetitionStatus.TRANSFERRED, scope, classifiedBy,
                    classifiedOn,
                    t.department(), t.transferredOn(), t.answerDue(), answer, answeredOn, answeredLate, identityReads,
                    reporterErasedAt);
        }

        State answered(TransferAnswered a) {
            return new State(petitionId, inspectionId, roundId, team, jurisdiction, organisationId, channel,
                    receivedOn, summary, concerns, reporter, PetitionStatus.ANSWERED, scope, classifiedBy, classifiedOn,
                    department, transferredOn, answerDue, a.answer(), a.answeredOn(), a.late(), identityReads,
                    reporterErasedAt);
        }

        State read(ReporterIdentityRead r) {
            List<IdentityRead> reads = new ArrayList<>(identityReads);
            reads.add(new IdentityRead(r.readBy(), r.reason(), r.readAt()));
            return new State(petitionId, inspectionId, roundId, team, jurisdiction, organisationId, channel,
                    receivedOn, summary, concerns, reporter, status, scope, classifiedBy, classifiedOn, department,
                    transferredOn, answerDue, answer, answeredOn, answeredLate, List.copyOf(reads), reporterErasedAt);
        }

        State erased(ReporterErased e) {
            return new State(petitionId, inspectionId, roundId, team, jurisdiction, organisationId, channel,
                    receivedOn, summary, concerns, reporter, status, scope, classifiedBy, classifiedOn, department,
                    transferredOn, answerDue, answer, answeredOn, answeredLate, identityReads, e.erasedAt());
        }
    }

    public Petition() {
        super(rules(Command.class, PetitionEvent.class, State.NONE)
                .decide(Receive.class, Petition::receive)
                .decide(Classify.class, Petition::classify)
                .decide(Transfer.class, Petition::transfer)
                .decide(RecordAnswer.class, Petition::recordAnswer)
                .decide(OpenIdentity.class, Petition::openIdentity)
                .decide(EraseReporter.class, Petition::eraseReporter)
                .evolve(PetitionReceived.class, (state, r) -> State.from(r))
                .evolve(PetitionClassified.class, State::classified)
                .evolve(PetitionTransferred.class, State::transferred)
                .evolve(TransferAnswered.class, State::answered)
                .evolve(ReporterIdentityRead.class, State::read)
                .evolve(ReporterErased.class, State::erased));
    }

    /** While the inspection's team is stationed, and not dated before the stationing. */
    private static List<PetitionEvent> receive(Receive r, State state) {
        if (state.received()) {
            throw new DomainRejection(ALREADY_RECEIVED, "petition " + state.petitionId() + " was received already");
        }
        Inspection.State inspection = r.inspection();
        if (inspection.status() != Inspection.Status.STATIONED) {
            throw new DomainRejection(INSPECTION_NOT_STATIONED, "petitions are received while the team is stationed;"
                    + " the inspection is " + inspection.status());
        }
        if (r.receivedOn().isBefore(inspection.stationedOn())) {
            throw new InvalidCommand(DATE_OUT_OF_ORDER, "receivedOn", "receivedOn " + r.receivedOn()
                    + " is before the stationing on " + inspection.stationedOn());
        }
        return List.of(new PetitionReceived(r.petitionId(), inspection.inspectionId(), inspection.roundId(),
                inspection.team(), inspection.jurisdiction(), inspection.organisationId(), r.channel(), r.receivedOn(),
                r.summary().strip(), r.concerns() == null || r.concerns().isBlank() ? null : r.concerns().strip(),
                r.reporter()));
    }

    private static List<PetitionEvent> classify(Classify c, State state) {
        received(state);
        if (state.status() != PetitionStatus.RECEIVED) {
            throw new DomainRejection(ALREADY_CLASSIFIED, "the petition was classified " + state.scope() + " on "
                    + state.classifiedOn());
        }
        notBefore(c.classifiedOn(), state.receivedOn(), "classifiedOn", "its receipt");
        return List.of(new PetitionClassified(state.petitionId(), c.scope(), c.classifiedBy(), c.classifiedOn()));
    }

    private static List<PetitionEvent> transfer(Transfer t, State state) {
        received(state);
        if (state.status() != PetitionStatus.OUT_OF_SCOPE) {
            throw new DomainRejection(NOT_OUT_OF_SCOPE, "only a petition classified out of the inspection's scope is"
                    + " transferred, once; it is " + state.status());
        }
        notBefore(t.transferredOn(), state.classifiedOn(), "transferredOn", "its classification");
        return List.of(new PetitionTransferred(state.petitionId(), t.department().strip(), t.transferredOn(),
                t.transferredOn().plusDays(t.answerDays())));
    }

    private static List<PetitionEvent> recordAnswer(RecordAnswer a, State state) {
        received(state);
        if (state.status() != PetitionStatus.TRANSFERRED) {
            throw new DomainRejection(NOT_TRANSFERRED, "only a transferred petition is answered, once; it is "
                    + state.status());
        }
        notBefore(a.answeredOn(), state.transferredOn(), "answeredOn", "the transfer");
        return List.of(new TransferAnswered(state.petitionId(), a.answer().strip(), a.answeredOn(),
                a.answeredOn().isAfter(state.answerDue())));
    }

    private static List<PetitionEvent> openIdentity(OpenIdentity o, State state) {
        withReporter(state);
        return List.of(new ReporterIdentityRead(state.petitionId(), state.reporterSubject(), o.readBy(),
                o.reason().strip(), o.readAt()));
    }

    private static List<PetitionEvent> eraseReporter(EraseReporter e, State state) {
        withReporter(state);
        return List.of(new ReporterErased(state.petitionId(), state.reporterSubject(), e.erasedBy(),
                e.reason().strip(), e.erasedAt()));
    }

    private static void received(State state) {
        if (!state.received()) {
            throw new DomainRejection(NOT_RECEIVED, "no such petition");
        }
    }

    /** A petition with a reporter who is not erased. */
    private static void withReporter(State state) {
        received(state);
        if (state.reporter() == null) {
            throw new DomainRejection(ANONYMOUS, "the petition was received anonymously: it has no identity");
        }
        if (state.reporterErased()) {
            throw new DomainRejection(REPORTER_ERASED, "the reporter was erased at " + state.reporterErasedAt()
                    + ": their identity can be opened nowhere again");
        }
    }

    private static void notBefore(LocalDate date, LocalDate earlier, String field, String step) {
        if (earlier != null && date.isBefore(earlier)) {
            throw new InvalidCommand(DATE_OUT_OF_ORDER, field, field + " " + date + " is before " + step + " on "
                    + earlier);
        }
    }
}
