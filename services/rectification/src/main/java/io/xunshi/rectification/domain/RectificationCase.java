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
import io.xunshi.contracts.rectification.EvaluationOutcome;
import io.xunshi.contracts.rectification.HeadReportSubmitted;
import io.xunshi.contracts.rectification.PlannedTask;
import io.xunshi.contracts.rectification.RectificationCaseOpened;
import io.xunshi.contracts.rectification.RectificationEvaluated;
import io.xunshi.contracts.rectification.RectificationEvent;
import io.xunshi.contracts.rectification.RectificationPlanFiled;
import io.xunshi.contracts.rectification.RectificationProgressReported;
import io.xunshi.contracts.rectification.RectificationReportSubmitted;
import io.xunshi.contracts.rectification.RectificationTask;
import io.xunshi.contracts.rectification.RectificationTaskClosed;
import io.xunshi.contracts.rectification.ResponsibilityHandedOver;
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
 * after it. An effective evaluation, though, needs every task closed. The evaluation concludes the case:
 * nothing is recorded on it afterwards.
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

    public enum Status {
        OPEN, REPORT_SUBMITTED, EVALUATED
    }

    public enum TaskStatus {
        OPEN, CLOSED
    }

    public sealed interface Command permits Open, FilePlan, ReportProgress, CloseTask, SubmitReport,
            SubmitHeadReport, HandOver, Evaluate {
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

    public record SubmitReport(LocalDate submittedOn, String summary) implements Command {
    }

    public record Evaluate(EvaluationOutcome outcome, LocalDate evaluatedOn, String remarks) implements Command {
    }

    public record Progress(LocalDate reportedOn, String progress) {
    }

    /**
     * One task. {@code tier}, {@code dueOn} and {@code responsiblePost} are null for the case's first tasks (one per
     * finding, owned by the head) until the plan replaces them.
     */
    public record Task(String taskId, String findingId, FocusArea focusArea, String description, String responsible,
            TaskStatus status, List<Progress> progress, LocalDate closedOn, List<String> evidence, TaskTier tier,
            LocalDate dueOn, String responsiblePost, List<Ownership> owners) {

        /** A task as the opening sets it: open, with no progress yet, the head's since the feedback. */
        static Task from(RectificationTask t, LocalDate feedbackOn) {
            return new Task(t.taskId(), t.findingId(), t.focusArea(), t.description(), t.responsible(),
                    TaskStatus.OPEN, List.of(), null, List.of(), null, null, null,
                    List.of(new Ownership(t.responsible(), null, feedbackOn, null)));
        }

        /** A task as the plan sets it, on the problem it works on, its owner's since the plan. */
        static Task from(PlannedTask t, Problem problem, LocalDate filedOn) {
            return new Task(t.taskId(), t.findingId(), problem.focusArea(), t.description(), t.owner(),
                    TaskStatus.OPEN, List.of(), null, List.of(), t.tier(), t.dueOn(), t.ownerPost(),
                    List.of(new Ownership(t.owner(), t.ownerPost(), filedOn, null)));
        }

        Task withProgress(Progress more) {
            List<Progress> all = new ArrayList<>(progress);
            all.add(more);
            return new Task(taskId, findingId, focusArea, description, responsible, status, List.copyOf(all),
                    closedOn, evidence, tier, dueOn, responsiblePost, owners);
        }

        Task closed(LocalDate on, List<String> closingEvidence) {
            return new Task(taskId, findingId, focusArea, description, responsible, TaskStatus.CLOSED, progress, on,
                    List.copyOf(closingEvidence), tier, dueOn, responsiblePost, owners);
        }

        /** The task passed to {@code to} on {@code on}; the outgoing owner's ownership ends that day. */
        Task handedOver(String to, String toPost, LocalDate on) {
            List<Ownership> history = new ArrayList<>();
            for (Ownership o : owners) {
                history.add(o.until() == null ? new Ownership(o.owner(), o.post(), o.since(), on) : o);
            }
            history.add(new Ownership(to, toPost, on, null));
            return new Task(taskId, findingId, focusArea, description, to, status, progress, closedOn, evidence, tier,
                    dueOn, toPost, List.copyOf(history));
        }
    }

    /** One problem of the problem list (问题清单): a finding fed back. */
    public record Problem(String findingId, FocusArea focusArea, String description) {
    }

    public record Report(LocalDate submittedOn, String summary, boolean onTime) {
    }

    public record Evaluation(EvaluationOutcome outcome, LocalDate evaluatedOn, String remarks) {
    }

    public record State(String caseId, String inspectionId, String roundId, String planId, String jurisdiction,
            String organisationId, String organisationName, String organisationJurisdiction,
            String organisationLocation, String firstResponsible, LocalDate feedbackOn, LocalDate reportDue,
            List<Task> tasks, Report report, Evaluation evaluation, List<Problem> problems, LocalDate planFiledOn,
            Report headReport) {

        /** Before the case is opened. */
        static final State NONE = new State(null, null, null, null, null, null, null, null, null, null, null, null,
                List.of(), null, null, List.of(), null, null);

        /** As the opening sets it: every task open, no report, no evaluation. */
        static State from(RectificationCaseOpened o) {
            return new State(o.caseId(), o.inspectionId(), o.roundId(), o.planId(), o.jurisdiction(),
                    o.organisationId(), o.organisationName(), o.organisationJurisdiction(), o.organisationLocation(),
                    o.firstResponsible(), o.feedbackOn(), o.reportDue(),
                    o.tasks().stream().map(t -> Task.from(t, o.feedbackOn())).toList(),
                    null, null, o.tasks().stream().map(t -> new Problem(t.findingId(), t.focusArea(), t.description()))
                            .toList(),
                    null, null);
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
                    List.copyOf(newTasks), report, evaluation, problems, planFiledOn, headReport);
        }

        /** The state with task {@code taskId} changed by {@code change}, the other tasks as they are. */
        State withTask(String taskId, UnaryOperator<Task> change) {
            return withTasks(tasks.stream().map(t -> t.taskId().equals(taskId) ? change.apply(t) : t).toList());
        }

        State withReport(Report newReport) {
            return new State(caseId, inspectionId, roundId, planId, jurisdiction, organisationId, organisationName,
                    organisationJurisdiction, organisationLocation, firstResponsible, feedbackOn, reportDue, tasks,
                    newReport, evaluation, problems, planFiledOn, headReport);
        }

        State withEvaluation(Evaluation newEvaluation) {
            return new State(caseId, inspectionId, roundId, planId, jurisdiction, organisationId, organisationName,
                    organisationJurisdiction, organisationLocation, firstResponsible, feedbackOn, reportDue, tasks,
                    report, newEvaluation, problems, planFiledOn, headReport);
        }

        State withPlan(RectificationPlanFiled plan) {
            List<Task> planned = plan.tasks().stream().map(t -> Task.from(t, problem(t.findingId()), plan.filedOn()))
                    .toList();
            return new State(caseId, inspectionId, roundId, planId, jurisdiction, organisationId, organisationName,
                    organisationJurisdiction, organisationLocation, firstResponsible, feedbackOn, reportDue, planned,
                    report, evaluation, problems, plan.filedOn(), headReport);
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
                            headReport);
        }

        State withHeadReport(Report newHeadReport) {
            return new State(caseId, inspectionId, roundId, planId, jurisdiction, organisationId, organisationName,
                    organisationJurisdiction, organisationLocation, firstResponsible, feedbackOn, reportDue, tasks,
                    report, evaluation, problems, planFiledOn, newHeadReport);
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
                .decide(Evaluate.class, RectificationCase::evaluate)
                .evolve(RectificationCaseOpened.class, (state, opened) -> State.from(opened))
                .evolve(RectificationPlanFiled.class, State::withPlan)
                .evolve(ResponsibilityHandedOver.class, State::withHandOver)
                .evolve(HeadReportSubmitted.class, (state, r) -> state.withHeadReport(new Report(r.submittedOn(),
                        r.summary(), r.onTime())))
                .evolve(RectificationProgressReported.class, (state, p) -> state.withTask(p.taskId(),
                        task -> task.withProgress(new Progress(p.reportedOn(), p.progress()))))
                .evolve(RectificationTaskClosed.class, (state, c) -> state.withTask(c.taskId(),
                        task -> task.closed(c.closedOn(), c.evidence())))
                .evolve(RectificationReportSubmitted.class, (state, r) -> state.withReport(new Report(
                        r.submittedOn(), r.summary(), r.onTime())))
                .evolve(RectificationEvaluated.class, (state, e) -> state.withEvaluation(new Evaluation(
                        e.outcome(), e.evaluatedOn(), e.remarks()))));
    }

    private static List<RectificationEvent> filePlan(FilePlan plan, State state) {
        stillOpen(state);
        if (state.planFiledOn() != null) {
            throw new DomainRejection(PLAN_ALREADY_FILED, "the plan was filed on " + state.planFiledOn());
        }
        boolean workBegan = state.tasks().stream().anyMatch(t -> t.status() == TaskStatus.CLOSED
                || !t.progress().isEmpty());
        if (state.report() != null || workBegan) {
            throw new DomainRejection(PLAN_TOO_LATE, "the plan answers the feedback before the work on it;"
                    + (state.report() != null ? " the report is in" : " progress was reported on the first tasks"));
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
                !submit.submittedOn().isAfter(state.reportDue())));
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
        if (evaluate.evaluatedOn().isBefore(state.report().submittedOn())) {
            throw new InvalidCommand(DATE_BEFORE_REPORT, "evaluatedOn", "the evaluation, " + evaluate.evaluatedOn()
                    + ", cannot precede the report of " + state.report().submittedOn());
        }
        List<String> open = state.tasks().stream().filter(t -> t.status() == TaskStatus.OPEN).map(Task::taskId)
                .toList();
        if (evaluate.outcome() == EvaluationOutcome.EFFECTIVE && !open.isEmpty()) {
            throw new DomainRejection(TASKS_STILL_OPEN, "rectification is effective only when every task is closed;"
                    + " still open: " + String.join(", ", open));
        }
        return List.of(new RectificationEvaluated(state.caseId(), state.inspectionId(), state.planId(),
                state.organisationId(), evaluate.outcome(), evaluate.evaluatedOn(), evaluate.remarks().strip()));
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
