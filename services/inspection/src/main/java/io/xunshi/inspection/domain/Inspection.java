package io.xunshi.inspection.domain;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.xunshi.contracts.inspection.FeedbackFinding;
import io.xunshi.contracts.inspection.FeedbackGiven;
import io.xunshi.contracts.inspection.FindingRecorded;
import io.xunshi.contracts.inspection.FocusArea;
import io.xunshi.contracts.inspection.Informant;
import io.xunshi.contracts.inspection.InspectionClosed;
import io.xunshi.contracts.inspection.InspectionEvent;
import io.xunshi.contracts.inspection.InspectionOpened;
import io.xunshi.contracts.inspection.InspectionReported;
import io.xunshi.contracts.inspection.InspectionStationed;
import io.xunshi.contracts.inspection.Severity;
import io.xunshi.contracts.planning.RoundKind;
import io.xunshi.kernel.domain.DomainRejection;
import io.xunshi.kernel.domain.ExhaustiveDecider;
import io.xunshi.kernel.domain.InvalidCommand;
import io.xunshi.kernel.domain.Texts;

/**
 * One inspection (巡视/巡察) of one organisation by one team, opened for an assignment of a launched round:
 * preparing → stationed (fieldwork: findings are recorded) → reported → feedback given → closed.
 * Rectification then runs in its own service, from the feedback.
 *
 * <p>A report with no findings is allowed: an inspection that found nothing is a legitimate outcome, and its
 * feedback then carries an empty list (see docs/adr/0008-inspection-lifecycle.md).
 */
public final class Inspection extends ExhaustiveDecider<Inspection.Command, InspectionEvent, Inspection.State> {

    /** Where an inspection is in its lifecycle. */
    public enum Status {
        PREPARING, STATIONED, REPORTED, FEEDBACK_GIVEN, CLOSED
    }

    /** Stable codes of the rejections, the {@code code} of the 409/422 problem. */
    public static final String ALREADY_OPENED = "inspection-already-opened";
    public static final String NOT_OPENED = "inspection-not-opened";
    public static final String NOT_PREPARING = "inspection-not-preparing";
    public static final String NOT_STATIONED = "inspection-not-stationed";
    public static final String NOT_REPORTED = "inspection-not-reported";
    public static final String FEEDBACK_NOT_GIVEN = "inspection-feedback-not-given";
    /** A date before the date of the step it follows; the API answers it as a 422 on the date field. */
    public static final String DATE_OUT_OF_ORDER = "date-out-of-order";
    public static final String TOO_MANY_FINDINGS = "too-many-findings";
    public static final String FINDINGS_TOO_LONG = "findings-too-long";
    /**
     * Findings one inspection may record. The feedback carries every finding to rectification in one event,
     * which the shared log must be able to carry: this and {@link #MAX_FINDINGS_TEXT_BYTES} keep it well below
     * the event store's payload limit (xunshi.events.max-payload-bytes, 1,000,000 bytes by default).
     */
    public static final int MAX_FINDINGS = 300;
    /** The descriptions of an inspection's findings together, in bytes of UTF-8 (a CJK character is 3). */
    public static final int MAX_FINDINGS_TEXT_BYTES = 600_000;

    public sealed interface Command permits Open, Station, RecordFinding, Report, GiveFeedback, Close {
    }

    public record Open(String inspectionId, String roundId, String planId, String jurisdiction, RoundKind roundKind,
            String team, String organisationId, String organisationName, String organisationJurisdiction,
            String organisationLocation, LocalDate stationingStart, LocalDate stationingEnd) implements Command {
    }

    public record Station(LocalDate stationedOn) implements Command {
    }

    /**
     * Records a finding; {@code informant}, when one is named, arrives sealed (the application layer seals the
     * request's name and contact with the kernel's vault before the command is built): the decider never holds
     * personal data in clear.
     */
    public record RecordFinding(String findingId, FocusArea focusArea, String description, Severity severity,
            boolean involvesTopLeader, boolean involvesLeadershipTeam, boolean common, boolean deepLevel,
            List<String> evidence, Informant informant) implements Command {
    }

    public record Report(LocalDate reportedOn, String summary) implements Command {
    }

    public record GiveFeedback(LocalDate givenOn, String organisationHead) implements Command {
    }

    public record Close(LocalDate closedOn) implements Command {
    }

    /** A finding as the inspection keeps it; its informant, if any, sealed as the event carries it. */
    public record Finding(String findingId, FocusArea focusArea, String description, Severity severity,
            boolean involvesTopLeader, boolean involvesLeadershipTeam, boolean common, boolean deepLevel,
            List<String> evidence, Informant informant) {
    }

    public record State(String inspectionId, String roundId, String planId, String jurisdiction, RoundKind roundKind,
            String team, String organisationId, String organisationName, String organisationJurisdiction,
            String organisationLocation, LocalDate stationingStart, LocalDate stationingEnd, Status status,
            LocalDate stationedOn, LocalDate reportedOn, String summary, LocalDate feedbackOn,
            String organisationHead, LocalDate closedOn, List<Finding> findings) {

        /** Before the inspection is opened. */
        static final State NONE = new State(null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, List.of());

        /** As the opening sets it: preparing, nothing done yet. */
        static State from(InspectionOpened o) {
            return new State(o.inspectionId(), o.roundId(), o.planId(), o.jurisdiction(), o.roundKind(), o.team(),
                    o.organisationId(), o.organisationName(), o.organisationJurisdiction(), o.organisationLocation(),
                    o.stationingStart(), o.stationingEnd(), Status.PREPARING, null, null, null, null, null, null,
                    List.of());
        }

        public boolean opened() {
            return inspectionId != null;
        }

        State withStatus(Status newStatus) {
            return new State(inspectionId, roundId, planId, jurisdiction, roundKind, team, organisationId,
                    organisationName, organisationJurisdiction, organisationLocation, stationingStart, stationingEnd,
                    newStatus, stationedOn, reportedOn, summary, feedbackOn, organisationHead, closedOn, findings);
        }

        State withStationedOn(LocalDate date) {
            return new State(inspectionId, roundId, planId, jurisdiction, roundKind, team, organisationId,
                    organisationName, organisationJurisdiction, organisationLocation, stationingStart, stationingEnd,
                    status, date, reportedOn, summary, feedbackOn, organisationHead, closedOn, findings);
        }

        State withReport(LocalDate date, String newSummary) {
            return new State(inspectionId, roundId, planId, jurisdiction, roundKind, team, organisationId,
                    organisationName, organisationJurisdiction, organisationLocation, stationingStart, stationingEnd,
                    status, stationedOn, date, newSummary, feedbackOn, organisationHead, closedOn, findings);
        }

        State withFeedback(LocalDate date, String head) {
            return new State(inspectionId, roundId, planId, jurisdiction, roundKind, team, organisationId,
                    organisationName, organisationJurisdiction, organisationLocation, stationingStart, stationingEnd,
                    status, stationedOn, reportedOn, summary, date, head, closedOn, findings);
        }

        State withClosedOn(LocalDate date) {
            return new State(inspectionId, roundId, planId, jurisdiction, roundKind, team, organisationId,
                    organisationName, organisationJurisdiction, organisationLocation, stationingStart, stationingEnd,
                    status, stationedOn, reportedOn, summary, feedbackOn, organisationHead, date, findings);
        }

        State withFinding(Finding finding) {
            List<Finding> more = new ArrayList<>(findings);
            more.add(finding);
            return new State(inspectionId, roundId, planId, jurisdiction, roundKind, team, organisationId,
                    organisationName, organisationJurisdiction, organisationLocation, stationingStart, stationingEnd,
                    status, stationedOn, reportedOn, summary, feedbackOn, organisationHead, closedOn,
                    List.copyOf(more));
        }
    }

    /**
     * The id of the inspection of {@code organisationId} in round {@code roundId}: a name-based UUID, so
     * that a launch delivered again, even as a new event, finds the inspection it opened the first time.
     */
    public static String idFor(String roundId, String organisationId) {
        return UUID.nameUUIDFromBytes(("xunshi.inspection:" + roundId + ":" + organisationId)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    public Inspection() {
        super(rules(Command.class, InspectionEvent.class, State.NONE)
                .decide(Open.class, Inspection::open)
                .decide(Station.class, Inspection::station)
                .decide(RecordFinding.class, Inspection::recordFinding)
                .decide(Report.class, Inspection::report)
                .decide(GiveFeedback.class, Inspection::giveFeedback)
                .decide(Close.class, Inspection::close)
                .evolve(InspectionOpened.class, (state, opened) -> State.from(opened))
                .evolve(InspectionStationed.class, (state, stationed) -> state.withStatus(Status.STATIONED)
                        .withStationedOn(stationed.stationedOn()))
                .evolve(FindingRecorded.class, (state, f) -> state.withFinding(new Finding(f.findingId(),
                        f.focusArea(), f.description(), f.severity(), f.involvesTopLeader(),
                        f.involvesLeadershipTeam(), f.common(), f.deepLevel(),
                        f.evidence() == null ? List.of() : List.copyOf(f.evidence()), f.informant())))
                .evolve(InspectionReported.class, (state, reported) -> state.withStatus(Status.REPORTED)
                        .withReport(reported.reportedOn(), reported.summary()))
                .evolve(FeedbackGiven.class, (state, given) -> state.withStatus(Status.FEEDBACK_GIVEN)
                        .withFeedback(given.givenOn(), given.organisationHead()))
                .evolve(InspectionClosed.class, (state, closed) -> state.withStatus(Status.CLOSED)
                        .withClosedOn(closed.closedOn())));
    }

    private static List<InspectionEvent> open(Open open, State state) {
        if (state.opened()) {
            throw new DomainRejection(ALREADY_OPENED, "inspection " + state.inspectionId() + " is already open");
        }
        return List.of(new InspectionOpened(open.inspectionId(), open.roundId(), open.planId(), open.jurisdiction(),
                open.roundKind(), open.team(), open.organisationId(), open.organisationName(),
                open.organisationJurisdiction(), open.organisationLocation(), open.stationingStart(),
                open.stationingEnd()));
    }

    private static List<InspectionEvent> station(Station station, State state) {
        require(state, Status.PREPARING, NOT_PREPARING, "the team can be stationed only while the inspection is"
                + " preparing");
        return List.of(new InspectionStationed(state.inspectionId(), station.stationedOn()));
    }

    private static List<InspectionEvent> recordFinding(RecordFinding f, State state) {
        require(state, Status.STATIONED, NOT_STATIONED, "findings can be recorded only while the team is stationed");
        if (state.findings().size() >= MAX_FINDINGS) {
            throw new InvalidCommand(TOO_MANY_FINDINGS, null, "the inspection has " + state.findings().size()
                    + " findings, the most one inspection may record: its feedback carries them all");
        }
        int text = Texts.utf8Length(f.description().strip());
        for (Finding recorded : state.findings()) {
            text += Texts.utf8Length(recorded.description());
        }
        if (text > MAX_FINDINGS_TEXT_BYTES) {
            throw new InvalidCommand(FINDINGS_TOO_LONG, "description", "with this one the descriptions of the"
                    + " inspection's findings would take " + text + " bytes, more than the " + MAX_FINDINGS_TEXT_BYTES
                    + " its feedback may carry: shorten it, or merge related findings");
        }
        return List.of(new FindingRecorded(state.inspectionId(), f.findingId(), f.focusArea(), f.description().strip(),
                f.severity(), f.involvesTopLeader(), f.involvesLeadershipTeam(), f.common(), f.deepLevel(),
                f.evidence() == null ? List.of() : f.evidence().stream().map(String::strip).toList(), f.informant()));
    }

    private static List<InspectionEvent> report(Report report, State state) {
        require(state, Status.STATIONED, NOT_STATIONED, "the inspection can be reported only while the team is"
                + " stationed");
        notBefore(report.reportedOn(), state.stationedOn(), "reportedOn", "the stationing");
        return List.of(new InspectionReported(state.inspectionId(), report.reportedOn(), report.summary().strip(),
                state.findings().size()));
    }

    private static List<InspectionEvent> giveFeedback(GiveFeedback feedback, State state) {
        require(state, Status.REPORTED, NOT_REPORTED, "feedback can be given only once the inspection is reported");
        notBefore(feedback.givenOn(), state.reportedOn(), "givenOn", "the report");
        List<FeedbackFinding> findings = state.findings().stream()
                .map(f -> new FeedbackFinding(f.findingId(), f.focusArea(), f.description(), f.severity()))
                .toList();
        return List.of(new FeedbackGiven(state.inspectionId(), state.roundId(), state.planId(), state.jurisdiction(),
                state.organisationId(), state.organisationName(), state.organisationJurisdiction(),
                state.organisationLocation(), feedback.organisationHead().strip(), feedback.givenOn(), findings));
    }

    private static List<InspectionEvent> close(Close close, State state) {
        require(state, Status.FEEDBACK_GIVEN, FEEDBACK_NOT_GIVEN, "the inspection can be closed only after its"
                + " feedback was given");
        notBefore(close.closedOn(), state.feedbackOn(), "closedOn", "the feedback");
        return List.of(new InspectionClosed(state.inspectionId(), close.closedOn()));
    }

    /** The inspection is opened and at {@code wanted}; an inspection not opened is refused first. */
    private static void require(State state, Status wanted, String code, String message) {
        if (!state.opened()) {
            throw new DomainRejection(NOT_OPENED, "no such inspection");
        }
        if (state.status() != wanted) {
            throw new DomainRejection(code, message + "; it is " + state.status());
        }
    }

    /** A date before the step it follows is an invalid command, on the request's date field. */
    private static void notBefore(LocalDate date, LocalDate earlier, String field, String step) {
        if (earlier != null && date.isBefore(earlier)) {
            throw new InvalidCommand(DATE_OUT_OF_ORDER, field, field + " " + date + " is before " + step + " on "
                    + earlier);
        }
    }
}
