package io.xunshi.inspection.domain;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.xunshi.contracts.inspection.BriefingReceived;
import io.xunshi.contracts.inspection.BriefingSource;
import io.xunshi.contracts.inspection.ContactChannel;
import io.xunshi.contracts.inspection.FeedbackFinding;
import io.xunshi.contracts.inspection.FeedbackGiven;
import io.xunshi.contracts.inspection.FindingApproved;
import io.xunshi.contracts.inspection.FindingRecorded;
import io.xunshi.contracts.inspection.FindingRejected;
import io.xunshi.contracts.inspection.FindingRevised;
import io.xunshi.contracts.inspection.FocusArea;
import io.xunshi.contracts.inspection.HeadFeedbackGiven;
import io.xunshi.contracts.inspection.Informant;
import io.xunshi.contracts.inspection.InspectionClosed;
import io.xunshi.contracts.inspection.InspectionEvent;
import io.xunshi.contracts.inspection.InspectionOpened;
import io.xunshi.contracts.inspection.InspectionReported;
import io.xunshi.contracts.inspection.InspectionStationed;
import io.xunshi.contracts.inspection.Severity;
import io.xunshi.contracts.inspection.ThematicReportSubmitted;
import io.xunshi.contracts.planning.RoundKind;
import io.xunshi.kernel.domain.DomainRejection;
import io.xunshi.kernel.domain.ExhaustiveDecider;
import io.xunshi.kernel.domain.InvalidCommand;
import io.xunshi.kernel.domain.Texts;

/**
 * One inspection (巡视/巡察) of one organisation by one team, opened for an assignment of a launched round:
 * preparing → stationed (fieldwork: findings are recorded) → reported → feedback given → closed.
 * A finding is a working paper (底稿) until the team leader approves it: only approved findings enter the report,
 * the thematic reports and the feedback; one sent back is revised and reviewed again.
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

    /** Where a finding's working paper is: awaiting the leader's review, approved, or sent back to the team. */
    public enum Review {
        AWAITING_REVIEW, APPROVED, SENT_BACK
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
    /** 422 on {@code findingIds}: a finding that is not this inspection's, or none. */
    public static final String FINDING_UNKNOWN = "finding-unknown";
    public static final String TOO_MANY_THEMATIC_REPORTS = "too-many-thematic-reports";
    public static final String HEAD_FEEDBACK_GIVEN = "head-feedback-already-given";
    /** 409: the report waits until the leader has reviewed every working paper. */
    public static final String FINDINGS_AWAITING_REVIEW = "findings-awaiting-review";
    /** 409: approving or sending back a finding that is not awaiting review; revising one that was not sent back. */
    public static final String FINDING_NOT_AWAITING_REVIEW = "finding-not-awaiting-review";
    public static final String FINDING_NOT_SENT_BACK = "finding-not-sent-back";
    /** 422 on {@code findingIds}: a thematic report rests on approved findings only. */
    public static final String FINDING_NOT_APPROVED = "finding-not-approved";
    /** 422: a working paper is approved only with the rule it breaks and who is responsible. */
    public static final String WORKING_PAPER_INCOMPLETE = "working-paper-incomplete";
    /** 404: no finding of this inspection under that id. */
    public static final String NO_SUCH_FINDING = "finding-not-found";
    /** Thematic reports one inspection may have. */
    public static final int MAX_THEMATIC_REPORTS = 20;
    /**
     * Findings one inspection may record. The feedback carries every finding to rectification in one event,
     * which the shared log must be able to carry: this and {@link #MAX_FINDINGS_TEXT_BYTES} keep it well below
     * the event store's payload limit (xunshi.events.max-payload-bytes, 1,000,000 bytes by default).
     */
    public static final int MAX_FINDINGS = 300;
    /** The descriptions of an inspection's findings together, in bytes of UTF-8 (a CJK character is 3). */
    public static final int MAX_FINDINGS_TEXT_BYTES = 600_000;

    public sealed interface Command permits Open, RecordBriefing, Station, RecordFinding, ReviseFinding, ApproveFinding,
            SendBackFinding, SubmitThematicReport, Report, GiveHeadFeedback, GiveFeedback, Close {
    }

    /** The team revises a working paper the leader sent back; it awaits review again. */
    public record ReviseFinding(String findingId, FocusArea focusArea, String description, Severity severity,
            boolean involvesTopLeader, boolean involvesLeadershipTeam, boolean common, boolean deepLevel,
            List<String> evidence, String rule, String responsible) implements Command {
    }

    /** The team leader approves a working paper; {@code approvedBy} is the leader's account. */
    public record ApproveFinding(String findingId, String approvedBy, LocalDate approvedOn) implements Command {
    }

    /** The team leader sends a working paper back to the team, with what it lacks. */
    public record SendBackFinding(String findingId, String rejectedBy, String reason, LocalDate rejectedOn)
            implements
                Command {
    }

    /** A thematic report on a widespread or systemic problem, resting on findings of this inspection (Art. 23). */
    public record SubmitThematicReport(String reportId, String title, String summary, List<String> findingIds,
            LocalDate submittedOn) implements Command {
    }

    /** The feedback to the principal leader in person, apart from the leadership team (Art. 26). */
    public record GiveHeadFeedback(LocalDate givenOn, String organisationHead) implements Command {
    }

    /** A department's briefing of the team before the stationing (Art. 21). */
    public record RecordBriefing(BriefingSource source, String department, LocalDate receivedOn, String summary)
            implements
                Command {
    }

    public record Open(String inspectionId, String roundId, String planId, String jurisdiction, RoundKind roundKind,
            String team, String organisationId, String organisationName, String organisationJurisdiction,
            String organisationLocation, LocalDate stationingStart, LocalDate stationingEnd) implements Command {
    }

    /** The stationing, with the contact channels it publishes for petitions. */
    public record Station(LocalDate stationedOn, List<ContactChannel> contactChannels) implements Command {
    }

    /**
     * Records a finding; {@code informant}, when one is named, arrives sealed (the application layer seals the
     * request's name and contact with the kernel's vault before the command is built): the decider never holds
     * personal data in clear.
     */
    public record RecordFinding(String findingId, FocusArea focusArea, String description, Severity severity,
            boolean involvesTopLeader, boolean involvesLeadershipTeam, boolean common, boolean deepLevel,
            List<String> evidence, Informant informant, String rule, String responsible) implements Command {
    }

    public record Report(LocalDate reportedOn, String summary) implements Command {
    }

    public record GiveFeedback(LocalDate givenOn, String organisationHead) implements Command {
    }

    public record Close(LocalDate closedOn) implements Command {
    }

    /** A thematic report (专题报告) beside the inspection report, and the findings it rests on. */
    public record ThematicReport(String reportId, String title, String summary, List<String> findingIds,
            LocalDate submittedOn) {
    }

    /** The feedback to the principal leader in person (Art. 26). */
    public record HeadFeedback(String organisationHead, LocalDate givenOn) {
    }

    /**
     * A finding as the inspection keeps it, a working paper with its review; its informant, if any, sealed as the
     * event carries it; {@code sentBackFor} is the leader's reason while it is sent back.
     */
    public record Finding(String findingId, FocusArea focusArea, String description, Severity severity,
            boolean involvesTopLeader, boolean involvesLeadershipTeam, boolean common, boolean deepLevel,
            List<String> evidence, Informant informant, String rule, String responsible, Review review,
            String sentBackFor, String approvedBy, LocalDate approvedOn) {

        public boolean approved() {
            return review == Review.APPROVED;
        }

        Finding revised(FindingRevised r) {
            return new Finding(findingId, r.focusArea(), r.description(), r.severity(), r.involvesTopLeader(),
                    r.involvesLeadershipTeam(), r.common(), r.deepLevel(), List.copyOf(r.evidence()), informant,
                    r.rule(), r.responsible(), Review.AWAITING_REVIEW, null, null, null);
        }

        Finding approvedBy(FindingApproved a) {
            return new Finding(findingId, focusArea, description, severity, involvesTopLeader, involvesLeadershipTeam,
                    common, deepLevel, evidence, informant, rule, responsible, Review.APPROVED, null, a.approvedBy(),
                    a.approvedOn());
        }

        Finding sentBack(FindingRejected r) {
            return new Finding(findingId, focusArea, description, severity, involvesTopLeader, involvesLeadershipTeam,
                    common, deepLevel, evidence, informant, rule, responsible, Review.SENT_BACK, r.reason(), null,
                    null);
        }
    }

    public record State(String inspectionId, String roundId, String planId, String jurisdiction, RoundKind roundKind,
            String team, String organisationId, String organisationName, String organisationJurisdiction,
            String organisationLocation, LocalDate stationingStart, LocalDate stationingEnd, Status status,
            LocalDate stationedOn, LocalDate reportedOn, String summary, LocalDate feedbackOn,
            String organisationHead, LocalDate closedOn, List<Finding> findings, List<BriefingReceived> briefings,
            List<ContactChannel> contactChannels, List<ThematicReport> thematicReports, HeadFeedback headFeedback) {

        /** Before the inspection is opened. */
        static final State NONE = new State(null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, List.of(), List.of(), List.of(), List.of(), null);

        /** As the opening sets it: preparing, nothing done yet. */
        static State from(InspectionOpened o) {
            return new State(o.inspectionId(), o.roundId(), o.planId(), o.jurisdiction(), o.roundKind(), o.team(),
                    o.organisationId(), o.organisationName(), o.organisationJurisdiction(), o.organisationLocation(),
                    o.stationingStart(), o.stationingEnd(), Status.PREPARING, null, null, null, null, null, null,
                    List.of(), List.of(), List.of(), List.of(), null);
        }

        public boolean opened() {
            return inspectionId != null;
        }

        State withStatus(Status newStatus) {
            return new State(inspectionId, roundId, planId, jurisdiction, roundKind, team, organisationId,
                    organisationName, organisationJurisdiction, organisationLocation, stationingStart, stationingEnd,
                    newStatus, stationedOn, reportedOn, summary, feedbackOn, organisationHead, closedOn, findings,
                    briefings, contactChannels, thematicReports, headFeedback);
        }

        State withThematicReport(ThematicReport report) {
            List<ThematicReport> more = new ArrayList<>(thematicReports);
            more.add(report);
            return new State(inspectionId, roundId, planId, jurisdiction, roundKind, team, organisationId,
                    organisationName, organisationJurisdiction, organisationLocation, stationingStart, stationingEnd,
                    status, stationedOn, reportedOn, summary, feedbackOn, organisationHead, closedOn, findings,
                    briefings, contactChannels, List.copyOf(more), headFeedback);
        }

        State withHeadFeedback(HeadFeedback feedback) {
            return new State(inspectionId, roundId, planId, jurisdiction, roundKind, team, organisationId,
                    organisationName, organisationJurisdiction, organisationLocation, stationingStart, stationingEnd,
                    status, stationedOn, reportedOn, summary, feedbackOn, organisationHead, closedOn, findings,
                    briefings, contactChannels, thematicReports, feedback);
        }

        State withBriefing(BriefingReceived briefing) {
            List<BriefingReceived> more = new ArrayList<>(briefings);
            more.add(briefing);
            return new State(inspectionId, roundId, planId, jurisdiction, roundKind, team, organisationId,
                    organisationName, organisationJurisdiction, organisationLocation, stationingStart, stationingEnd,
                    status, stationedOn, reportedOn, summary, feedbackOn, organisationHead, closedOn, findings,
                    List.copyOf(more), contactChannels, thematicReports, headFeedback);
        }

        State withContactChannels(List<ContactChannel> channels) {
            return new State(inspectionId, roundId, planId, jurisdiction, roundKind, team, organisationId,
                    organisationName, organisationJurisdiction, organisationLocation, stationingStart, stationingEnd,
                    status, stationedOn, reportedOn, summary, feedbackOn, organisationHead, closedOn, findings,
                    briefings, channels == null ? List.of() : List.copyOf(channels), thematicReports, headFeedback);
        }

        /** The departments of Art. 21 that have not briefed the team yet (OTHER is never missing). */
        public List<BriefingSource> briefingsMissing() {
            return java.util.Arrays.stream(BriefingSource.values()).filter(source -> source != BriefingSource.OTHER)
                    .filter(source -> briefings.stream().noneMatch(b -> b.source() == source)).toList();
        }

        State withStationedOn(LocalDate date) {
            return new State(inspectionId, roundId, planId, jurisdiction, roundKind, team, organisationId,
                    organisationName, organisationJurisdiction, organisationLocation, stationingStart, stationingEnd,
                    status, date, reportedOn, summary, feedbackOn, organisationHead, closedOn, findings, briefings,
                    contactChannels, thematicReports, headFeedback);
        }

        State withReport(LocalDate date, String newSummary) {
            return new State(inspectionId, roundId, planId, jurisdiction, roundKind, team, organisationId,
                    organisationName, organisationJurisdiction, organisationLocation, stationingStart, stationingEnd,
                    status, stationedOn, date, newSummary, feedbackOn, organisationHead, closedOn, findings, briefings,
                    contactChannels, thematicReports, headFeedback);
        }

        State withFeedback(LocalDate date, String head) {
            return new State(inspectionId, roundId, planId, jurisdiction, roundKind, team, organisationId,
                    organisationName, organisationJurisdiction, organisationLocation, stationingStart, stationingEnd,
                    status, stationedOn, reportedOn, summary, date, head, closedOn, findings, briefings,
                    contactChannels, thematicReports, headFeedback);
        }

        State withClosedOn(LocalDate date) {
            return new State(inspectionId, roundId, planId, jurisdiction, roundKind, team, organisationId,
                    organisationName, organisationJurisdiction, organisationLocation, stationingStart, stationingEnd,
                    status, stationedOn, reportedOn, summary, feedbackOn, organisationHead, date, findings, briefings,
                    contactChannels, thematicReports, headFeedback);
        }

        /** The findings the leader approved, in the order they were recorded. */
        public List<Finding> approvedFindings() {
            return findings.stream().filter(Finding::approved).toList();
        }

        /** This inspection's finding under {@code findingId}, or null. */
        public Finding finding(String findingId) {
            return findings.stream().filter(f -> f.findingId().equals(findingId)).findFirst().orElse(null);
        }

        State withFindingChanged(String findingId, java.util.function.UnaryOperator<Finding> change) {
            List<Finding> changed = findings.stream()
                    .map(f -> f.findingId().equals(findingId) ? change.apply(f) : f).toList();
            return new State(inspectionId, roundId, planId, jurisdiction, roundKind, team, organisationId,
                    organisationName, organisationJurisdiction, organisationLocation, stationingStart, stationingEnd,
                    status, stationedOn, reportedOn, summary, feedbackOn, organisationHead, closedOn, changed,
                    briefings, contactChannels, thematicReports, headFeedback);
        }

        State withFinding(Finding finding) {
            List<Finding> more = new ArrayList<>(findings);
            more.add(finding);
            return new State(inspectionId, roundId, planId, jurisdiction, roundKind, team, organisationId,
                    organisationName, organisationJurisdiction, organisationLocation, stationingStart, stationingEnd,
                    status, stationedOn, reportedOn, summary, feedbackOn, organisationHead, closedOn,
                    List.copyOf(more), briefings, contactChannels, thematicReports, headFeedback);
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
                .decide(RecordBriefing.class, Inspection::recordBriefing)
                .decide(Station.class, Inspection::station)
                .decide(RecordFinding.class, Inspection::recordFinding)
                .decide(ReviseFinding.class, Inspection::reviseFinding)
                .decide(ApproveFinding.class, Inspection::approveFinding)
                .decide(SendBackFinding.class, Inspection::sendBackFinding)
                .decide(SubmitThematicReport.class, Inspection::submitThematicReport)
                .decide(Report.class, Inspection::report)
                .decide(GiveHeadFeedback.class, Inspection::giveHeadFeedback)
                .decide(GiveFeedback.class, Inspection::giveFeedback)
                .decide(Close.class, Inspection::close)
                .evolve(InspectionOpened.class, (state, opened) -> State.from(opened))
                .evolve(BriefingReceived.class, (state, briefing) -> state.withBriefing(briefing))
                .evolve(InspectionStationed.class, (state, stationed) -> state.withStatus(Status.STATIONED)
                        .withStationedOn(stationed.stationedOn()).withContactChannels(stationed.contactChannels()))
                .evolve(FindingRecorded.class, (state, f) -> state.withFinding(new Finding(f.findingId(),
                        f.focusArea(), f.description(), f.severity(), f.involvesTopLeader(),
                        f.involvesLeadershipTeam(), f.common(), f.deepLevel(),
                        f.evidence() == null ? List.of() : List.copyOf(f.evidence()), f.informant(), f.rule(),
                        f.responsible(), Review.AWAITING_REVIEW, null, null, null)))
                .evolve(FindingRevised.class, (state, r) -> state.withFindingChanged(r.findingId(),
                        f -> f.revised(r)))
                .evolve(FindingApproved.class, (state, a) -> state.withFindingChanged(a.findingId(),
                        f -> f.approvedBy(a)))
                .evolve(FindingRejected.class, (state, r) -> state.withFindingChanged(r.findingId(),
                        f -> f.sentBack(r)))
                .evolve(ThematicReportSubmitted.class, (state, t) -> state.withThematicReport(new ThematicReport(
                        t.reportId(), t.title(), t.summary(), List.copyOf(t.findingIds()), t.submittedOn())))
                .evolve(HeadFeedbackGiven.class, (state, h) -> state.withHeadFeedback(new HeadFeedback(
                        h.organisationHead(), h.givenOn())))
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

    /** Only before the stationing: a briefing prepares the team for it. */
    private static List<InspectionEvent> recordBriefing(RecordBriefing b, State state) {
        require(state, Status.PREPARING, NOT_PREPARING, "briefings are recorded before the stationing, while the"
                + " inspection is preparing");
        return List.of(new BriefingReceived(state.inspectionId(), b.source(), b.department().strip(), b.receivedOn(),
                b.summary().strip()));
    }

    private static List<InspectionEvent> station(Station station, State state) {
        require(state, Status.PREPARING, NOT_PREPARING, "the team can be stationed only while the inspection is"
                + " preparing");
        if (state.briefings().stream().anyMatch(b -> b.receivedOn().isAfter(station.stationedOn()))) {
            throw new InvalidCommand(DATE_OUT_OF_ORDER, "stationedOn", "stationedOn " + station.stationedOn()
                    + " is before a briefing the team received: briefings come before the stationing");
        }
        List<ContactChannel> channels = station.contactChannels() == null
                ? List.of()
                : station.contactChannels().stream()
                        .map(c -> new ContactChannel(c.kind(), c.value().strip(),
                                c.hours() == null || c.hours().isBlank() ? null : c.hours().strip()))
                        .toList();
        return List.of(new InspectionStationed(state.inspectionId(), station.stationedOn(), channels));
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
                f.evidence() == null ? List.of() : f.evidence().stream().map(String::strip).toList(), f.informant(),
                blankToNull(f.rule()), blankToNull(f.responsible())));
    }

    /** Only a working paper the leader sent back, while the team is stationed; its texts stay within the limit. */
    private static List<InspectionEvent> reviseFinding(ReviseFinding r, State state) {
        require(state, Status.STATIONED, NOT_STATIONED, "working papers are revised while the team is stationed");
        Finding finding = existing(state, r.findingId());
        if (finding.review() != Review.SENT_BACK) {
            throw new DomainRejection(FINDING_NOT_SENT_BACK, "finding " + r.findingId() + " is " + finding.review()
                    + ": only a working paper the leader sent back is revised");
        }
        int text = Texts.utf8Length(r.description().strip());
        for (Finding recorded : state.findings()) {
            text += recorded.findingId().equals(r.findingId()) ? 0 : Texts.utf8Length(recorded.description());
        }
        if (text > MAX_FINDINGS_TEXT_BYTES) {
            throw new InvalidCommand(FINDINGS_TOO_LONG, "description", "with this revision the descriptions of the"
                    + " inspection's findings would take " + text + " bytes, more than the " + MAX_FINDINGS_TEXT_BYTES
                    + " its feedback may carry");
        }
        return List.of(new FindingRevised(state.inspectionId(), r.findingId(), r.focusArea(), r.description().strip(),
                r.severity(), r.involvesTopLeader(), r.involvesLeadershipTeam(), r.common(), r.deepLevel(),
                r.evidence() == null ? List.of() : r.evidence().stream().map(String::strip).toList(),
                blankToNull(r.rule()), blankToNull(r.responsible())));
    }

    /** A working paper awaiting review, complete with its rule and who is responsible, while stationed. */
    private static List<InspectionEvent> approveFinding(ApproveFinding a, State state) {
        require(state, Status.STATIONED, NOT_STATIONED, "working papers are reviewed while the team is stationed");
        Finding finding = awaitingReview(state, a.findingId());
        if (finding.rule() == null || finding.responsible() == null) {
            throw new InvalidCommand(WORKING_PAPER_INCOMPLETE, null, "finding " + a.findingId() + " does not name "
                    + (finding.rule() == null ? "the rule it breaks" : "who is responsible")
                    + ": send it back to be completed");
        }
        notBefore(a.approvedOn(), state.stationedOn(), "approvedOn", "the stationing");
        return List.of(new FindingApproved(state.inspectionId(), a.findingId(), a.approvedBy(), a.approvedOn()));
    }

    private static List<InspectionEvent> sendBackFinding(SendBackFinding r, State state) {
        require(state, Status.STATIONED, NOT_STATIONED, "working papers are reviewed while the team is stationed");
        awaitingReview(state, r.findingId());
        notBefore(r.rejectedOn(), state.stationedOn(), "rejectedOn", "the stationing");
        return List.of(new FindingRejected(state.inspectionId(), r.findingId(), r.rejectedBy(), r.reason().strip(),
                r.rejectedOn()));
    }

    private static Finding existing(State state, String findingId) {
        Finding finding = state.finding(findingId);
        if (finding == null) {
            throw DomainRejection.notFound(NO_SUCH_FINDING, "inspection " + state.inspectionId() + " has no finding "
                    + findingId);
        }
        return finding;
    }

    private static Finding awaitingReview(State state, String findingId) {
        Finding finding = existing(state, findingId);
        if (finding.review() != Review.AWAITING_REVIEW) {
            throw new DomainRejection(FINDING_NOT_AWAITING_REVIEW, "finding " + findingId + " is " + finding.review()
                    + (finding.review() == Review.SENT_BACK ? ": revise it first" : ": it was reviewed already"));
        }
        return finding;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /**
     * While stationed or reported, before the feedback; every finding named is one of this inspection's, and the
     * report is not dated before the stationing.
     */
    private static List<InspectionEvent> submitThematicReport(SubmitThematicReport t, State state) {
        if (!state.opened()) {
            throw new DomainRejection(NOT_OPENED, "no such inspection");
        }
        if (state.status() != Status.STATIONED && state.status() != Status.REPORTED) {
            throw new DomainRejection(NOT_STATIONED, "a thematic report is submitted during the fieldwork or after the"
                    + " report, before the feedback; the inspection is " + state.status());
        }
        if (state.thematicReports().size() >= MAX_THEMATIC_REPORTS) {
            throw new InvalidCommand(TOO_MANY_THEMATIC_REPORTS, null, "an inspection has at most "
                    + MAX_THEMATIC_REPORTS + " thematic reports");
        }
        List<String> ids = t.findingIds().stream().map(String::strip).distinct().toList();
        if (ids.isEmpty()) {
            throw new InvalidCommand(FINDING_UNKNOWN, "findingIds", "a thematic report rests on at least one finding");
        }
        for (String id : ids) {
            Finding finding = state.finding(id);
            if (finding == null) {
                throw new InvalidCommand(FINDING_UNKNOWN, "findingIds", "finding " + id + " is not one of this"
                        + " inspection's");
            }
            if (!finding.approved()) {
                throw new InvalidCommand(FINDING_NOT_APPROVED, "findingIds", "finding " + id + " is "
                        + finding.review() + ": a thematic report rests on approved findings only");
            }
        }
        notBefore(t.submittedOn(), state.stationedOn(), "submittedOn", "the stationing");
        return List.of(new ThematicReportSubmitted(state.inspectionId(), t.reportId(), t.title().strip(),
                t.summary().strip(), ids, t.submittedOn()));
    }

    /** Once, after the report: before or after the feedback to the leadership team, not before the report. */
    private static List<InspectionEvent> giveHeadFeedback(GiveHeadFeedback h, State state) {
        if (!state.opened()) {
            throw new DomainRejection(NOT_OPENED, "no such inspection");
        }
        if (state.status() != Status.REPORTED && state.status() != Status.FEEDBACK_GIVEN) {
            throw new DomainRejection(NOT_REPORTED, "the principal leader is given feedback once the inspection is"
                    + " reported and before it is closed; it is " + state.status());
        }
        if (state.headFeedback() != null) {
            throw new DomainRejection(HEAD_FEEDBACK_GIVEN, "the principal leader was given feedback on "
                    + state.headFeedback().givenOn());
        }
        notBefore(h.givenOn(), state.reportedOn(), "givenOn", "the report");
        return List.of(new HeadFeedbackGiven(state.inspectionId(), h.organisationHead().strip(), h.givenOn()));
    }

    private static List<InspectionEvent> report(Report report, State state) {
        require(state, Status.STATIONED, NOT_STATIONED, "the inspection can be reported only while the team is"
                + " stationed");
        long awaiting = state.findings().stream().filter(f -> f.review() == Review.AWAITING_REVIEW).count();
        if (awaiting > 0) {
            throw new DomainRejection(FINDINGS_AWAITING_REVIEW, awaiting + " working papers await the team leader's"
                    + " review: approve or send back each before the report");
        }
        notBefore(report.reportedOn(), state.stationedOn(), "reportedOn", "the stationing");
        return List.of(new InspectionReported(state.inspectionId(), report.reportedOn(), report.summary().strip(),
                state.approvedFindings().size()));
    }

    private static List<InspectionEvent> giveFeedback(GiveFeedback feedback, State state) {
        require(state, Status.REPORTED, NOT_REPORTED, "feedback can be given only once the inspection is reported");
        notBefore(feedback.givenOn(), state.reportedOn(), "givenOn", "the report");
        List<FeedbackFinding> findings = state.approvedFindings().stream()
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
