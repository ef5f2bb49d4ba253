package io.xunshi.rectification.domain;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

import io.xunshi.contracts.inspection.FeedbackFinding;
import io.xunshi.contracts.inspection.FeedbackGiven;
import io.xunshi.contracts.inspection.FocusArea;
import io.xunshi.contracts.rectification.AccountabilityGround;
import io.xunshi.contracts.rectification.AccountabilityReferred;
import io.xunshi.contracts.rectification.ConsultationHeld;
import io.xunshi.contracts.rectification.ConsultationParty;
import io.xunshi.contracts.rectification.Deduction;
import io.xunshi.contracts.rectification.EvaluationGrade;
import io.xunshi.contracts.rectification.EvaluationOutcome;
import io.xunshi.contracts.rectification.HeadReportSubmitted;
import io.xunshi.contracts.rectification.HeldToAccount;
import io.xunshi.contracts.rectification.LookBackCandidatePublished;
import io.xunshi.contracts.rectification.PlannedTask;
import io.xunshi.contracts.rectification.PublicProblem;
import io.xunshi.contracts.rectification.PublicViewPublished;
import io.xunshi.contracts.rectification.RectificationCaseOpened;
import io.xunshi.contracts.rectification.RectificationEvaluated;
import io.xunshi.contracts.rectification.RectificationEvent;
import io.xunshi.contracts.rectification.RectificationPlanFiled;
import io.xunshi.contracts.rectification.RectificationProgressReported;
import io.xunshi.contracts.rectification.RectificationReportSubmitted;
import io.xunshi.contracts.rectification.RectificationTask;
import io.xunshi.contracts.rectification.RectificationTaskClosed;
import io.xunshi.contracts.rectification.ResponsibilityHandedOver;
import io.xunshi.contracts.rectification.SupervisingBody;
import io.xunshi.contracts.rectification.SupervisionNoteRecorded;
import io.xunshi.contracts.rectification.TaskClosureRejected;
import io.xunshi.contracts.rectification.TaskTier;
import io.xunshi.kernel.domain.DomainRejection;
import io.xunshi.kernel.domain.ExhaustiveDecider;
import io.xunshi.kernel.domain.InvalidCommand;

/**
 * A rectification case (整改): opened when feedback is given, one task per finding fed back, the
 * organisation's head first responsible. The organisation reports progress, closes tasks off the ledger on
 * evidence (台账销号) and submits its rectification report by the deadline; the inspecting level's office
 * then evaluates it (整改评估), once.
 *
 * <p>The report does not wait for every task: long-term tasks (长期坚持) keep running and reporting progress
 * after it, every period of the level. The supervising office may reject a closure; the liaisons of the discipline
 * organ and the organisation department record supervision notes, the office consultations. The evaluation is scored
 * on the level's model and its grade decides the outcome; an effective one needs every task closed, a not effective
 * one publishes a look-back candidate. The evaluation concludes the work: afterwards only accountability (after a
 * not-effective judgement) and the public view are recorded (docs/adr/0029).
 */
public final class RectificationCase
        extends
            ExhaustiveDecider<RectificationCase.Command, RectificationEvent, RectificationCase.State> {

    /** Codes of the rejections; the API answers them as problems with this {@code code}. */
    public static final String NOT_OPENED = "case-not-opened";
    public static final String TASK_NOT_FOUND = "task-not-found";
    public static final String TASK_CLOSED = "task-already-closed";
    public static final String EVIDENCE_REQUIRED = "evidence-required";
    public static final String REPORT_ALREADY_SUBMITTED = "report-already-submitted";
    public static final String REPORT_NOT_SUBMITTED = "report-not-submitted";
    public static final String ALREADY_EVALUATED = "case-already-evaluated";
    public static final String TASKS_STILL_OPEN = "tasks-still-open";
    public static final String DATE_BEFORE_FEEDBACK = "date-before-feedback";
    public static final String DATE_BEFORE_REPORT = "date-before-report";
    public static final String PLAN_ALREADY_FILED = "plan-already-filed";
    /** 409: the plan answers the feedback; once work on the first tasks began, or the report is in, it is too late. */
    public static final String PLAN_TOO_LATE = "plan-too-late";
    /** 422 on tasks: a task works on a problem that is not one of the findings fed back. */
    public static final String PROBLEM_UNKNOWN = "problem-unknown";
    /** 422 on tasks: a problem no task of the plan works on. */
    public static final String PROBLEM_WITHOUT_TASK = "problem-without-task";
    /** 422 on tasks: a task fixed now or by a deadline names when it is due. */
    public static final String DUE_DATE_REQUIRED = "due-date-required";
    /** 422 on tasks: a long-term task has no due date; it reports progress on a period instead. */
    public static final String DUE_DATE_NOT_FOR_LONG_TERM = "due-date-not-for-long-term";
    /** 422 on tasks: a due date before the plan. */
    public static final String DUE_BEFORE_PLAN = "due-before-plan";
    public static final String HEAD_REPORT_ALREADY_SUBMITTED = "head-report-already-submitted";
    /** 422 on from: nobody of that name owns an open task of the case or is its first responsible person. */
    public static final String OWNER_UNKNOWN = "owner-unknown";
    /** 422 on to: a handover names a successor other than the outgoing owner. */
    public static final String SAME_OWNER = "same-owner";
    /** 422 on handedOverOn: before the outgoing owner took one of the tasks over. */
    public static final String HANDOVER_BEFORE_OWNERSHIP = "handover-before-ownership";
    /** 409: the evaluation waits for the head's report too (Art. 27). */
    public static final String HEAD_REPORT_NOT_SUBMITTED = "head-report-not-submitted";
    /** 409: only a closed task's closure can be rejected. */
    public static final String TASK_NOT_CLOSED = "task-not-closed";
    /** 422 on closedOn: a task closed again is closed on or after the rejection of its last closure. */
    public static final String DATE_BEFORE_REJECTION = "date-before-rejection";
    /** 422 on rejectedOn: a closure is rejected on or after the day it was closed. */
    public static final String DATE_BEFORE_CLOSURE = "date-before-closure";
    /** 422 on taskId: a supervision note names a task the case does not have. */
    public static final String TASK_UNKNOWN = "task-unknown";
    /** 422 on parties: a consultation brings at least two parties together. */
    public static final String PARTIES_TOO_FEW = "parties-too-few";
    /** 422 on parties: a party is named once. */
    public static final String PARTY_REPEATED = "party-repeated";
    /** 422 on deductions: a criterion the level's evaluation model does not have. */
    public static final String CRITERION_UNKNOWN = "criterion-unknown";
    /** 422 on deductions: one criterion deducted twice. */
    public static final String CRITERION_REPEATED = "criterion-repeated";
    /** 422 on deductions: more points deducted on a criterion than it weighs. */
    public static final String DEDUCTION_EXCEEDS_WEIGHT = "deduction-exceeds-weight";
    /** 409: accountability follows a rectification judged not effective. */
    public static final String NOT_JUDGED_INEFFECTIVE = "rectification-not-judged-ineffective";
    /** 422 on persons: who is held to account is someone the case made responsible. */
    public static final String PERSON_NOT_RESPONSIBLE = "person-not-responsible";
    /** 422 on persons: a person named twice. */
    public static final String PERSON_REPEATED = "person-repeated";
    /** 422 on a date: before the evaluation it follows. */
    public static final String DATE_BEFORE_EVALUATION = "date-before-evaluation";
    /** 422 on withheldFindings: a finding that is not one of the problems fed back. */
    public static final String WITHHELD_FINDING_UNKNOWN = "withheld-finding-unknown";

    public enum Status {
        OPEN, REPORT_SUBMITTED, EVALUATED
    }

    public enum TaskStatus {
        OPEN, CLOSED
    }

    public sealed interface Command permits Open, FilePlan, ReportProgress, CloseTask, SubmitReport,
            SubmitHeadReport, HandOver, RejectClosure, RecordSupervisionNote, HoldConsultation, Evaluate,
            ReferForAccountability, PublishPublicView {
    }

    /** The supervising office does not accept a task's closure; the task opens again. */
    public record RejectClosure(String taskId, LocalDate rejectedOn, String reason) implements Command {
    }

    /** A supervising body's liaison notes what they observed, on the case or one task ({@code taskId} null: the case). */
    public record RecordSupervisionNote(SupervisingBody by, LocalDate notedOn, String taskId, String note)
            implements
                Command {
    }

    /** A consultation (整改会商) was held; its conclusions are recorded on the case. */
    public record HoldConsultation(LocalDate heldOn, String subject, List<ConsultationParty> parties,
            List<String> conclusions) implements Command {
    }

    /** Who is held to account for a rectification judged not effective, and how (整改问责). */
    public record ReferForAccountability(LocalDate referredOn, AccountabilityGround ground, String description,
            List<HeldToAccount> persons) implements Command {
    }

    /** The office publishes the case's public view, leaving out the problems it withholds. */
    public record PublishPublicView(LocalDate publishedOn, String summary, List<String> withheldFindings)
            implements
                Command {
    }

    /** An owner changed post: their open tasks, and the first responsibility if theirs, pass to the successor. */
    public record HandOver(String from, String to, String toPost, LocalDate handedOverOn) implements Command {
    }

    /** Who owned a task from when until when ({@code until} null: still). */
    public record Ownership(String owner, String post, LocalDate since, LocalDate until) {
    }

    /** One task as the plan proposes it; the case numbers it. */
    public record PlanTask(String findingId, String description, TaskTier tier, LocalDate dueOn, String owner,
            String ownerPost) {
    }

    /** The organisation's rectification plan: the task list, from which the responsibility list follows. */
    public record FilePlan(LocalDate filedOn, List<PlanTask> tasks) implements Command {
    }

    /** The principal leader's report on how they organised the rectification (Art. 27). */
    public record SubmitHeadReport(LocalDate submittedOn, String summary) implements Command {
    }

    /** Opens the case as feedback describes it; opening an opened case changes nothing. */
    public record Open(RectificationCaseOpened opened) implements Command {
    }

    public record ReportProgress(String taskId, LocalDate reportedOn, String progress) implements Command {
    }

    public record CloseTask(String taskId, LocalDate closedOn, List<String> evidence) implements Command {
    }

    /** The report; from it, long-term tasks report progress on the period of the case's level. */
    public record SubmitReport(LocalDate submittedOn, String summary, LevelDays longTermProgressDays)
            implements
                Command {
    }

    /** The scored evaluation, on the model of the case's level among {@code models}. */
    public record Evaluate(EvaluationModels models, List<Deduction> deductions, LocalDate evaluatedOn, String remarks)
            implements
                Command {
    }

    /** A closure the supervising office did not accept: when the task had been closed, on what, and why not. */
    public record ClosureRejection(LocalDate closedOn, List<String> evidence, LocalDate rejectedOn, String reason) {
    }

    public record Progress(LocalDate reportedOn, String progress) {
    }

    /**
     * One task. {@code tier}, {@code dueOn} and {@code responsiblePost} are null for the case's first tasks (one per
     * finding, owned by the head) until the plan replaces them.
     */
    public record Task(String taskId, String findingId, FocusArea focusArea, String description, String responsible,
            TaskStatus status, List<Progress> progress, LocalDate closedOn, List<String> evidence, TaskTier tier,
            LocalDate dueOn, String responsiblePost, List<Ownership> owners, List<ClosureRejection> rejections) {

        /** A task as the opening sets it: open, with no progress yet, the head's since the feedback. */
        static Task from(RectificationTask t, LocalDate feedbackOn) {
            return new Task(t.taskId(), t.findingId(), t.focusArea(), t.description(), t.responsible(),
                    TaskStatus.OPEN, List.of(), null, List.of(), null, null, null,
                    List.of(new Ownership(t.responsible(), null, feedbackOn, null)), List.of());
        }

        /** A task as the plan sets it, on the problem it works on, its owner's since the plan. */
        static Task from(PlannedTask t, Problem problem, LocalDate filedOn) {
            return new Task(t.taskId(), t.findingId(), problem.focusArea(), t.description(), t.owner(),
                    TaskStatus.OPEN, List.of(), null, List.of(), t.tier(), t.dueOn(), t.ownerPost(),
                    List.of(new Ownership(t.owner(), t.ownerPost(), filedOn, null)), List.of());
        }

        Task withProgress(Progress more) {
            List<Progress> all = new ArrayList<>(progress);
            all.add(more);
            return new Task(taskId, findingId, focusArea, description, responsible, status, List.copyOf(all),
                    closedOn, evidence, tier, dueOn, responsiblePost, owners, rejections);
        }

        Task closed(LocalDate on, List<String> closingEvidence) {
            return new Task(taskId, findingId, focusArea, description, responsible, TaskStatus.CLOSED, progress, on,
                    List.copyOf(closingEvidence), tier, dueOn, responsiblePost, owners, rejections);
        }

        /** Open again: the closure's day and evidence move into the rejection. */
        Task reopened(LocalDate on, String reason) {
            List<ClosureRejection> all = new ArrayList<>(rejections);
            all.add(new ClosureRejection(closedOn, evidence, on, reason));
            return new Task(taskId, findingId, focusArea, description, responsible, TaskStatus.OPEN, progress, null,
                    List.of(), tier, dueOn, responsiblePost, owners, List.copyOf(all));
        }

        /** The task passed to {@code to} on {@code on}; the outgoing owner's ownership ends that day. */
        Task handedOver(String to, String toPost, LocalDate on) {
            List<Ownership> history = new ArrayList<>();
            for (Ownership o : owners) {
                history.add(o.until() == null ? new Ownership(o.owner(), o.post(), o.since(), on) : o);
            }
            history.add(new Ownership(to, toPost, on, null));
            return new Task(taskId, findingId, focusArea, description, to, status, progress, closedOn, evidence, tier,
                    dueOn, toPost, List.copyOf(history), rejections);
        }
    }

    /** One problem of the problem list (问题清单): a finding fed back. */
    public record Problem(String findingId, FocusArea focusArea, String description) {
    }

    /** A report; {@code longTermProgressDays} is the rectification report's period of long-term tasks, else null. */
    public record Report(LocalDate submittedOn, String summary, boolean onTime, Integer longTermProgressDays) {
    }

    /** {@code score}, {@code fullMarks}, {@code grade} and {@code deductions} are null on unscored evaluations. */
    public record Evaluation(EvaluationOutcome outcome, LocalDate evaluatedOn, String remarks, Integer score,
            Integer fullMarks, EvaluationGrade grade, List<Deduction> deductions) {
    }

    /**
     * What the case's supervisors recorded on it: supervision notes, consultations, accountability, the public view
     * last published; and everyone who was first responsible, in order.
     */
    public record Oversight(List<SupervisionNoteRecorded> notes, List<ConsultationHeld> consultations,
            List<AccountabilityReferred> referrals, PublicViewPublished publicView, List<String> heads) {

        static final Oversight NONE = new Oversight(List.of(), List.of(), List.of(), null, List.of());

        Oversight withNote(SupervisionNoteRecorded note) {
            return new Oversight(plus(notes, note), consultations, referrals, publicView, heads);
        }

        Oversight withConsultation(ConsultationHeld consultation) {
            return new Oversight(notes, plus(consultations, consultation), referrals, publicView, heads);
        }

        Oversight withReferral(AccountabilityReferred referral) {
            return new Oversight(notes, consultations, plus(referrals, referral), publicView, heads);
        }

        Oversight withPublicView(PublicViewPublished view) {
            return new Oversight(notes, consultations, referrals, view, heads);
        }

        Oversight withHead(String head) {
            return new Oversight(notes, consultations, referrals, publicView, plus(heads, head));
        }

        private static <T> List<T> plus(List<T> list, T more) {
            List<T> all = new ArrayList<>(list);
            all.add(more);
            return List.copyOf(all);
        }
    }

    public record State(String caseId, String inspectionId, String roundId, String planId, String jurisdiction,
            String organisationId, String organisationName, String organisationJurisdiction,
            String organisationLocation, String firstResponsible, LocalDate feedbackOn, LocalDate reportDue,
            List<Task> tasks, Report report, Evaluation evaluation, List<Problem> problems, LocalDate planFiledOn,
            Report headReport, Oversight oversight) {

        /** Before the case is opened. */
        static final State NONE = new State(null, null, null, null, null, null, null, null, null, null, null, null,
                List.of(), null, null, List.of(), null, null, Oversight.NONE);

        /** As the opening sets it: every task open, no report, no evaluation. */
        static State from(RectificationCaseOpened o) {
            return new State(o.caseId(), o.inspectionId(), o.roundId(), o.planId(), o.jurisdiction(),
                    o.organisationId(), o.organisationName(), o.organisationJurisdiction(), o.organisationLocation(),
                    o.firstResponsible(), o.feedbackOn(), o.reportDue(),
                    o.tasks().stream().map(t -> Task.from(t, o.feedbackOn())).toList(),
                    null, null, o.tasks().stream().map(t -> new Problem(t.findingId(), t.focusArea(), t.description()))
                            .toList(),
                    null, null, Oversight.NONE.withHead(o.firstResponsible()));
        }

        /**
         * When an open long-term task is next to report progress: the period after the report, or after its last
         * progress since then; null for other tasks and before the report.
         */
        public LocalDate nextProgressDue(Task task) {
            if (task.tier() != TaskTier.LONG_TERM || task.status() != TaskStatus.OPEN || report == null
                    || report.longTermProgressDays() == null) {
                return null;
            }
            LocalDate from = report.submittedOn();
            for (Progress p : task.progress()) {
                if (p.reportedOn().isAfter(from)) {
                    from = p.reportedOn();
                }
            }
            return from.plusDays(report.longTermProgressDays());
        }

        /** Everyone the case made responsible: every first responsible person and every owner of a task. */
        public boolean responsible(String name) {
            return oversight.heads().contains(name) || tasks.stream()
                    .anyMatch(t -> t.owners().stream().anyMatch(o -> o.owner().equals(name)));
        }

        State withOversight(UnaryOperator<Oversight> change) {
            return new State(caseId, inspectionId, roundId, planId, jurisdiction, organisationId, organisationName,
                    organisationJurisdiction, organisationLocation, firstResponsible, feedbackOn, reportDue, tasks,
                    report, evaluation, problems, planFiledOn, headReport, change.apply(oversight));
        }

        public Problem problem(String findingId) {
            for (Problem problem : problems) {
                if (problem.findingId().equals(findingId)) {
                    return problem;
                }
            }
            return null;
        }

        public boolean opened() {
            return caseId != null;
        }

        public Status status() {
            if (evaluation != null) {
                return Status.EVALUATED;
            }
            return report != null ? Status.REPORT_SUBMITTED : Status.OPEN;
        }

        public Task task(String taskId) {
            for (Task task : tasks) {
                if (task.taskId().equals(taskId)) {
                    return task;
                }
            }
            return null;
        }

        /** The report is still to be submitted and its deadline has passed. */
        public boolean overdue(LocalDate today) {
            return opened() && report == null && today.isAfter(reportDue);
        }

        State withTasks(List<Task> newTasks) {
            return new State(caseId, inspectionId, roundId, planId, jurisdiction, organisationId, organisationName,
                    organisationJurisdiction, organisationLocation, firstResponsible, feedbackOn, reportDue,
                    List.copyOf(newTasks), report, evaluation, problems, planFiledOn, headReport, oversight);
        }

        /** The state with task {@code taskId} changed by {@code change}, the other tasks as they are. */
        State withTask(String taskId, UnaryOperator<Task> change) {
            return withTasks(tasks.stream().map(t -> t.taskId().equals(taskId) ? change.apply(t) : t).toList());
        }

        State withReport(Report newReport) {
            return new State(caseId, inspectionId, roundId, planId, jurisdiction, organisationId, organisationName,
                    organisationJurisdiction, organisationLocation, firstResponsible, feedbackOn, reportDue, tasks,
                    newReport, evaluation, problems, planFiledOn, headReport, oversight);
        }

        State withEvaluation(Evaluation newEvaluation) {
            return new State(caseId, inspectionId, roundId, planId, jurisdiction, organisationId, organisationName,
                    organisationJurisdiction, organisationLocation, firstResponsible, feedbackOn, reportDue, tasks,
                    report, newEvaluation, problems, planFiledOn, headReport, oversight);
        }

        State withPlan(RectificationPlanFiled plan) {
            List<Task> planned = plan.tasks().stream().map(t -> Task.from(t, problem(t.findingId()), plan.filedOn()))
                    .toList();
            return new State(caseId, inspectionId, roundId, planId, jurisdiction, organisationId, organisationName,
                    organisationJurisdiction, organisationLocation, firstResponsible, feedbackOn, reportDue, planned,
                    report, evaluation, problems, plan.filedOn(), headReport, oversight);
        }

        State withHandOver(ResponsibilityHandedOver h) {
            State after = this;
            for (String taskId : h.taskIds()) {
                after = after.withTask(taskId, task -> task.handedOver(h.to(), h.toPost(), h.handedOverOn()));
            }
            return !h.firstResponsible()
                    ? after
                    : new State(caseId, inspectionId, roundId, planId, jurisdiction,
                            organisationId, organisationName, organisationJurisdiction, organisationLocation, h.to(),
                            feedbackOn, reportDue, after.tasks(), report, evaluation, problems, planFiledOn,
                            headReport, oversight.withHead(h.to()));
        }

        State withHeadReport(Report newHeadReport) {
            return new State(caseId, inspectionId, roundId, planId, jurisdiction, organisationId, organisationName,
                    organisationJurisdiction, organisationLocation, firstResponsible, feedbackOn, reportDue, tasks,
                    report, evaluation, problems, planFiledOn, newHeadReport, oversight);
        }
    }

    /**
     * The id of the case that the feedback of an inspection opens: a name-based UUID of the inspection id,
     * so that however often the feedback is delivered it names the same case.
     */
    public static String caseIdFor(String inspectionId) {
        return UUID.nameUUIDFromBytes(("xunshi.rectification.case:" + inspectionId).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /** The id of the n-th task (from 1), in the order the findings were fed back. */
    public static String taskId(int n) {
        return "T" + n;
    }

    /**
     * The case that feedback opens: one task per finding, each at first the responsibility of the
     * organisation's head, who is the case's first responsible person; the report is due {@code deadline}
     * after the day of feedback.
     */
    public static RectificationCaseOpened opening(FeedbackGiven feedback, Period deadline) {
        List<RectificationTask> tasks = new ArrayList<>();
        List<FeedbackFinding> findings = feedback.findings() == null ? List.of() : feedback.findings();
        for (int i = 0; i < findings.size(); i++) {
            FeedbackFinding finding = findings.get(i);
            tasks.add(new RectificationTask(taskId(i + 1), finding.findingId(), finding.focusArea(),
                    finding.description(), feedback.organisationHead()));
        }
        return new RectificationCaseOpened(caseIdFor(feedback.inspectionId()), feedback.inspectionId(),
                feedback.roundId(), feedback.planId(), feedback.jurisdiction(), feedback.organisationId(),
                feedback.organisationName(), feedback.organisationJurisdiction(), feedback.organisationLocation(),
                feedback.organisationHead(), feedback.givenOn(), feedback.givenOn().plus(deadline), List.copyOf(tasks));
    }

    public RectificationCase() {
        super(rules(Command.class, RectificationEvent.class, State.NONE)
                .decide(Open.class, (open, state) -> state.opened() ? List.of() : List.of(open.opened()))
                .decide(FilePlan.class, RectificationCase::filePlan)
                .decide(SubmitHeadReport.class, RectificationCase::submitHeadReport)
                .decide(HandOver.class, RectificationCase::handOver)
                .decide(ReportProgress.class, RectificationCase::reportProgress)
                .decide(CloseTask.class, RectificationCase::closeTask)
                .decide(SubmitReport.class, RectificationCase::submitReport)
                .decide(RejectClosure.class, RectificationCase::rejectClosure)
                .decide(RecordSupervisionNote.class, RectificationCase::recordSupervisionNote)
                .decide(HoldConsultation.class, RectificationCase::holdConsultation)
                .decide(Evaluate.class, RectificationCase::evaluate)
                .decide(ReferForAccountability.class, RectificationCase::referForAccountability)
                .decide(PublishPublicView.class, RectificationCase::publishPublicView)
                .evolve(RectificationCaseOpened.class, (state, opened) -> State.from(opened))
                .evolve(RectificationPlanFiled.class, State::withPlan)
                .evolve(ResponsibilityHandedOver.class, State::withHandOver)
                .evolve(HeadReportSubmitted.class, (state, r) -> state.withHeadReport(new Report(r.submittedOn(),
                        r.summary(), r.onTime(), null)))
                .evolve(RectificationProgressReported.class, (state, p) -> state.withTask(p.taskId(),
                        task -> task.withProgress(new Progress(p.reportedOn(), p.progress()))))
                .evolve(RectificationTaskClosed.class, (state, c) -> state.withTask(c.taskId(),
                        task -> task.closed(c.closedOn(), c.evidence())))
                .evolve(RectificationReportSubmitted.class, (state, r) -> state.withReport(new Report(
                        r.submittedOn(), r.summary(), r.onTime(), r.longTermProgressDays())))
                .evolve(TaskClosureRejected.class, (state, r) -> state.withTask(r.taskId(),
                        task -> task.reopened(r.rejectedOn(), r.reason())))
                .evolve(SupervisionNoteRecorded.class, (state, n) -> state.withOversight(o -> o.withNote(n)))
                .evolve(ConsultationHeld.class, (state, c) -> state.withOversight(o -> o.withConsultation(c)))
                .evolve(RectificationEvaluated.class, (state, e) -> state.withEvaluation(new Evaluation(
                        e.outcome(), e.evaluatedOn(), e.remarks(), e.score(), e.fullMarks(), e.grade(),
                        e.deductions())))
                .evolve(LookBackCandidatePublished.class, (state, c) -> state)
                .evolve(AccountabilityReferred.class, (state, a) -> state.withOversight(o -> o.withReferral(a)))
                .evolve(PublicViewPublished.class, (state, v) -> state.withOversight(o -> o.withPublicView(v))));
    }

    private static List<RectificationEvent> filePlan(FilePlan plan, State state) {
        stillOpen(state);
        if (state.planFiledOn() != null) {
            throw new DomainRejection(PLAN_ALREADY_FILED, "the plan was filed on " + state.planFiledOn());
        }
        boolean workBegan = state.tasks().stream().anyMatch(t -> t.status() == TaskStatus.CLOSED
                || !t.progress().isEmpty() || !t.rejections().isEmpty())
                || state.oversight().notes().stream().anyMatch(n -> n.taskId() != null);
        if (state.report() != null || workBegan) {
            throw new DomainRejection(PLAN_TOO_LATE, "the plan answers the feedback before the work on it;"
                    + (state.report() != null
                            ? " the report is in"
                            : " work on the first tasks was reported, closed or noted by a supervisor"));
        }
        notBeforeFeedback(state, plan.filedOn(), "filedOn", "the plan");
        List<PlannedTask> tasks = new ArrayList<>();
        for (PlanTask t : plan.tasks()) {
            String findingId = t.findingId().strip();
            if (state.problem(findingId) == null) {
                throw new InvalidCommand(PROBLEM_UNKNOWN, "tasks", "finding " + findingId
                        + " is not one of the problems fed back");
            }
            if (t.tier().hasDueDate() && t.dueOn() == null) {
                throw new InvalidCommand(DUE_DATE_REQUIRED, "tasks", "a task of tier " + t.tier()
                        + " names when it is due");
            }
            if (!t.tier().hasDueDate() && t.dueOn() != null) {
                throw new InvalidCommand(DUE_DATE_NOT_FOR_LONG_TERM, "tasks", "a long-term task has no due date; it"
                        + " reports progress on a period");
            }
            if (t.dueOn() != null && t.dueOn().isBefore(plan.filedOn())) {
                throw new InvalidCommand(DUE_BEFORE_PLAN, "tasks", "a task due on " + t.dueOn()
                        + " is due before the plan of " + plan.filedOn());
            }
            tasks.add(new PlannedTask(taskId(tasks.size() + 1), findingId, t.description().strip(), t.tier(),
                    t.dueOn(), t.owner().strip(), t.ownerPost().strip()));
        }
        List<String> uncovered = state.problems().stream().map(Problem::findingId)
                .filter(f -> tasks.stream().noneMatch(t -> t.findingId().equals(f))).toList();
        if (!uncovered.isEmpty()) {
            throw new InvalidCommand(PROBLEM_WITHOUT_TASK, "tasks", "every problem is worked on by a task; none works"
                    + " on " + String.join(", ", uncovered), uncovered);
        }
        return List.of(new RectificationPlanFiled(state.caseId(), plan.filedOn(), List.copyOf(tasks)));
    }

    private static List<RectificationEvent> handOver(HandOver h, State state) {
        stillOpen(state);
        String from = h.from().strip();
        String to = h.to().strip();
        if (from.equals(to)) {
            throw new InvalidCommand(SAME_OWNER, "to", "the successor is " + to + ", the outgoing owner themself");
        }
        notBeforeFeedback(state, h.handedOverOn(), "handedOverOn", "the handover");
        List<String> open = state.tasks().stream()
                .filter(t -> t.status() == TaskStatus.OPEN && t.responsible().equals(from)).map(Task::taskId).toList();
        boolean head = from.equals(state.firstResponsible());
        if (open.isEmpty() && !head) {
            throw new InvalidCommand(OWNER_UNKNOWN, "from", from + " owns no open task of the case and is not its"
                    + " first responsible person");
        }
        for (String taskId : open) {
            LocalDate since = state.task(taskId).owners().get(state.task(taskId).owners().size() - 1).since();
            if (h.handedOverOn().isBefore(since)) {
                throw new InvalidCommand(HANDOVER_BEFORE_OWNERSHIP, "handedOverOn", "the handover, " + h.handedOverOn()
                        + ", is before " + from + " took task " + taskId + " over on " + since);
            }
        }
        return List.of(new ResponsibilityHandedOver(state.caseId(), from, to, h.toPost().strip(), h.handedOverOn(),
                open, head));
    }

    private static List<RectificationEvent> submitHeadReport(SubmitHeadReport submit, State state) {
        stillOpen(state);
        if (state.headReport() != null) {
            throw new DomainRejection(HEAD_REPORT_ALREADY_SUBMITTED, "the head's report was already submitted on "
                    + state.headReport().submittedOn());
        }
        notBeforeFeedback(state, submit.submittedOn(), "submittedOn", "the head's report");
        return List.of(new HeadReportSubmitted(state.caseId(), submit.submittedOn(), submit.summary().strip(),
                !submit.submittedOn().isAfter(state.reportDue())));
    }

    private static List<RectificationEvent> reportProgress(ReportProgress progress, State state) {
        stillOpen(state);
        openTask(state, progress.taskId());
        notBeforeFeedback(state, progress.reportedOn(), "reportedOn", "progress");
        return List.of(new RectificationProgressReported(state.caseId(), progress.taskId(), progress.reportedOn(),
                progress.progress().strip()));
    }

    private static List<RectificationEvent> closeTask(CloseTask close, State state) {
        stillOpen(state);
        openTask(state, close.taskId());
        notBeforeFeedback(state, close.closedOn(), "closedOn", "closing a task");
        Task task = state.task(close.taskId());
        if (!task.rejections().isEmpty()) {
            LocalDate rejected = task.rejections().get(task.rejections().size() - 1).rejectedOn();
            if (close.closedOn().isBefore(rejected)) {
                throw new InvalidCommand(DATE_BEFORE_REJECTION, "closedOn", "the closure, " + close.closedOn()
                        + ", is before the rejection of the last one on " + rejected);
            }
        }
        List<String> evidence = close.evidence() == null
                ? List.of()
                : close.evidence().stream().filter(e -> e != null && !e.isBlank()).map(String::strip).toList();
        if (evidence.isEmpty()) {
            throw new InvalidCommand(EVIDENCE_REQUIRED, "evidence",
                    "a task is closed off the ledger only on evidence: name at least one");
        }
        return List.of(new RectificationTaskClosed(state.caseId(), close.taskId(), close.closedOn(), evidence));
    }

    private static List<RectificationEvent> submitReport(SubmitReport submit, State state) {
        stillOpen(state);
        if (state.report() != null) {
            throw new DomainRejection(REPORT_ALREADY_SUBMITTED, "the rectification report was already submitted on "
                    + state.report().submittedOn());
        }
        notBeforeFeedback(state, submit.submittedOn(), "submittedOn", "the report");
        return List.of(new RectificationReportSubmitted(state.caseId(), submit.submittedOn(), submit.summary().strip(),
                !submit.submittedOn().isAfter(state.reportDue()),
                submit.longTermProgressDays().forJurisdiction(state.jurisdiction())));
    }

    private static List<RectificationEvent> evaluate(Evaluate evaluate, State state) {
        stillOpen(state);
        if (state.report() == null) {
            throw new DomainRejection(REPORT_NOT_SUBMITTED,
                    "a case is evaluated only after its rectification report is submitted");
        }
        if (state.headReport() == null) {
            throw new DomainRejection(HEAD_REPORT_NOT_SUBMITTED, "a case is evaluated only after the head's report on"
                    + " organising the rectification (Art. 27) is submitted too");
        }
        LocalDate lastReport = state.report().submittedOn().isAfter(state.headReport().submittedOn())
                ? state.report().submittedOn()
                : state.headReport().submittedOn();
        if (evaluate.evaluatedOn().isBefore(lastReport)) {
            throw new InvalidCommand(DATE_BEFORE_REPORT, "evaluatedOn", "the evaluation, " + evaluate.evaluatedOn()
                    + ", cannot precede the reports it evaluates, the last of " + lastReport);
        }
        EvaluationModel model = evaluate.models().forJurisdiction(state.jurisdiction());
        List<Deduction> deductions = new ArrayList<>();
        int deducted = 0;
        for (Deduction d : evaluate.deductions()) {
            String criterion = d.criterion().strip();
            Integer weight = model.criteria().get(criterion);
            if (weight == null) {
                throw new InvalidCommand(CRITERION_UNKNOWN, "deductions", "the evaluation model of this level has no"
                        + " criterion " + criterion + "; it has " + String.join(", ", model.criteria().keySet()));
            }
            if (deductions.stream().anyMatch(e -> e.criterion().equals(criterion))) {
                throw new InvalidCommand(CRITERION_REPEATED, "deductions", "criterion " + criterion
                        + " is deducted once, with all its points");
            }
            if (d.points() > weight) {
                throw new InvalidCommand(DEDUCTION_EXCEEDS_WEIGHT, "deductions", d.points() + " points deducted on "
                        + criterion + ", which weighs " + weight);
            }
            deducted += d.points();
            deductions.add(new Deduction(criterion, d.points(), d.reason().strip()));
        }
        int score = model.fullMarks() - deducted;
        EvaluationGrade grade = model.grade(score);
        EvaluationOutcome outcome = model.outcome(grade);
        List<String> open = state.tasks().stream().filter(t -> t.status() == TaskStatus.OPEN).map(Task::taskId)
                .toList();
        if (outcome == EvaluationOutcome.EFFECTIVE && !open.isEmpty()) {
            throw new DomainRejection(TASKS_STILL_OPEN, "a score of " + score + " grades " + grade + ", effective, but"
                    + " rectification is effective only when every task is closed; still open: "
                    + String.join(", ", open));
        }
        RectificationEvaluated evaluated = new RectificationEvaluated(state.caseId(), state.inspectionId(),
                state.planId(), state.organisationId(), outcome, evaluate.evaluatedOn(), evaluate.remarks().strip(),
                score, model.fullMarks(), grade, List.copyOf(deductions));
        if (outcome == EvaluationOutcome.EFFECTIVE) {
            return List.of(evaluated);
        }
        return List.of(evaluated, new LookBackCandidatePublished(state.caseId(), state.inspectionId(), state.planId(),
                state.jurisdiction(), state.organisationId(), state.organisationName(),
                state.organisationJurisdiction(), state.organisationLocation(), evaluate.evaluatedOn(), grade));
    }

    private static List<RectificationEvent> rejectClosure(RejectClosure reject, State state) {
        stillOpen(state);
        Task task = state.task(reject.taskId());
        if (task == null) {
            throw DomainRejection.notFound(TASK_NOT_FOUND, "the case has no task " + reject.taskId());
        }
        if (task.status() != TaskStatus.CLOSED) {
            throw new DomainRejection(TASK_NOT_CLOSED, "task " + reject.taskId() + " is open: there is no closure to"
                    + " reject");
        }
        if (reject.rejectedOn().isBefore(task.closedOn())) {
            throw new InvalidCommand(DATE_BEFORE_CLOSURE, "rejectedOn", "the rejection, " + reject.rejectedOn()
                    + ", is before the task was closed on " + task.closedOn());
        }
        return List.of(new TaskClosureRejected(state.caseId(), task.taskId(), reject.rejectedOn(),
                reject.reason().strip()));
    }

    private static List<RectificationEvent> recordSupervisionNote(RecordSupervisionNote note, State state) {
        stillOpen(state);
        String taskId = note.taskId() == null || note.taskId().isBlank() ? null : note.taskId().strip();
        if (taskId != null && state.task(taskId) == null) {
            throw new InvalidCommand(TASK_UNKNOWN, "taskId", "the case has no task " + taskId);
        }
        notBeforeFeedback(state, note.notedOn(), "notedOn", "the note");
        return List.of(new SupervisionNoteRecorded(state.caseId(), "N" + (state.oversight().notes().size() + 1),
                note.by(), note.notedOn(), taskId, note.note().strip()));
    }

    private static List<RectificationEvent> holdConsultation(HoldConsultation held, State state) {
        stillOpen(state);
        java.util.Set<ConsultationParty> distinct = java.util.EnumSet.noneOf(ConsultationParty.class);
        for (ConsultationParty party : held.parties()) {
            if (!distinct.add(party)) {
                throw new InvalidCommand(PARTY_REPEATED, "parties", party + " is named twice");
            }
        }
        if (distinct.size() < 2) {
            throw new InvalidCommand(PARTIES_TOO_FEW, "parties", "a consultation brings at least two parties"
                    + " together");
        }
        notBeforeFeedback(state, held.heldOn(), "heldOn", "the consultation");
        return List.of(new ConsultationHeld(state.caseId(), "C" + (state.oversight().consultations().size() + 1),
                held.heldOn(), held.subject().strip(), List.copyOf(held.parties()),
                held.conclusions().stream().map(String::strip).toList()));
    }

    private static List<RectificationEvent> referForAccountability(ReferForAccountability refer, State state) {
        concluded(state);
        if (state.evaluation().outcome() != EvaluationOutcome.NOT_EFFECTIVE) {
            throw new DomainRejection(NOT_JUDGED_INEFFECTIVE, "accountability follows a rectification judged not"
                    + " effective; this one was judged " + state.evaluation().outcome());
        }
        if (refer.referredOn().isBefore(state.evaluation().evaluatedOn())) {
            throw new InvalidCommand(DATE_BEFORE_EVALUATION, "referredOn", "the referral, " + refer.referredOn()
                    + ", is before the evaluation of " + state.evaluation().evaluatedOn());
        }
        List<HeldToAccount> persons = new ArrayList<>();
        for (HeldToAccount p : refer.persons()) {
            String name = p.name().strip();
            if (!state.responsible(name)) {
                throw new InvalidCommand(PERSON_NOT_RESPONSIBLE, "persons", name + " was never first responsible for"
                        + " the case nor owned one of its tasks");
            }
            if (persons.stream().anyMatch(q -> q.name().equals(name))) {
                throw new InvalidCommand(PERSON_REPEATED, "persons", name + " is named twice");
            }
            persons.add(new HeldToAccount(name, p.post().strip(), p.measure()));
        }
        return List.of(new AccountabilityReferred(state.caseId(), "A" + (state.oversight().referrals().size() + 1),
                state.jurisdiction(), state.organisationId(), refer.referredOn(), refer.ground(),
                refer.description().strip(), List.copyOf(persons)));
    }

    private static List<RectificationEvent> publishPublicView(PublishPublicView publish, State state) {
        if (!state.opened()) {
            throw new DomainRejection(NOT_OPENED, "no such rectification case");
        }
        if (state.report() == null) {
            throw new DomainRejection(REPORT_NOT_SUBMITTED, "a case's public view discloses its rectification: it is"
                    + " published after the report is submitted");
        }
        if (publish.publishedOn().isBefore(state.report().submittedOn())) {
            throw new InvalidCommand(DATE_BEFORE_REPORT, "publishedOn", "the publication, " + publish.publishedOn()
                    + ", is before the report of " + state.report().submittedOn());
        }
        List<String> withheld = publish.withheldFindings() == null
                ? List.of()
                : publish.withheldFindings().stream().map(String::strip).toList();
        for (String findingId : withheld) {
            if (state.problem(findingId) == null) {
                throw new InvalidCommand(WITHHELD_FINDING_UNKNOWN, "withheldFindings", "finding " + findingId
                        + " is not one of the problems fed back");
            }
        }
        List<PublicProblem> problems = state.problems().stream().filter(p -> !withheld.contains(p.findingId()))
                .map(p -> new PublicProblem(p.focusArea(), p.description(), state.tasks().stream()
                        .filter(t -> t.findingId().equals(p.findingId()))
                        .allMatch(t -> t.status() == TaskStatus.CLOSED)))
                .toList();
        Evaluation evaluation = state.evaluation();
        // the tasks of withheld problems are not counted either: their number would tell of them
        List<Task> disclosed = state.tasks().stream().filter(t -> !withheld.contains(t.findingId())).toList();
        return List.of(new PublicViewPublished(state.caseId(), publish.publishedOn(), state.jurisdiction(),
                state.organisationName(), state.feedbackOn(), publish.summary().strip(), problems, disclosed.size(),
                (int) disclosed.stream().filter(t -> t.status() == TaskStatus.CLOSED).count(),
                state.report().submittedOn(), evaluation == null ? null : evaluation.grade(),
                evaluation == null ? null : evaluation.outcome()));
    }

    /** The case is opened and evaluated: what follows the evaluation. */
    private static void concluded(State state) {
        if (!state.opened()) {
            throw new DomainRejection(NOT_OPENED, "no such rectification case");
        }
        if (state.evaluation() == null) {
            throw new DomainRejection(NOT_JUDGED_INEFFECTIVE, "the case is not evaluated yet; accountability follows"
                    + " a rectification judged not effective");
        }
    }

    /** The case is opened and not yet evaluated: the evaluation concludes it. */
    private static void stillOpen(State state) {
        if (!state.opened()) {
            throw new DomainRejection(NOT_OPENED, "no such rectification case");
        }
        if (state.evaluation() != null) {
            throw new DomainRejection(ALREADY_EVALUATED, "the case was evaluated on "
                    + state.evaluation().evaluatedOn() + "; nothing more is recorded on it");
        }
    }

    private static void openTask(State state, String taskId) {
        Task task = state.task(taskId);
        if (task == null) {
            throw DomainRejection.notFound(TASK_NOT_FOUND, "the case has no task " + taskId);
        }
        if (task.status() == TaskStatus.CLOSED) {
            throw new DomainRejection(TASK_CLOSED, "task " + taskId + " was closed on " + task.closedOn());
        }
    }

    /** A date before the feedback is an invalid command, on the request's date field. */
    private static void notBeforeFeedback(State state, LocalDate date, String field, String what) {
        if (date.isBefore(state.feedbackOn())) {
            throw new InvalidCommand(DATE_BEFORE_FEEDBACK, field, "the date of " + what + ", " + date
                    + ", is before the feedback of " + state.feedbackOn());
        }
    }
}
