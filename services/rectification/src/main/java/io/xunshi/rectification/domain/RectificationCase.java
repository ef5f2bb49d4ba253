package io.xunshi.rectification.domain;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.xunshi.contracts.inspection.FeedbackFinding;
import io.xunshi.contracts.inspection.FeedbackGiven;
import io.xunshi.contracts.inspection.FocusArea;
import io.xunshi.contracts.rectification.EvaluationOutcome;
import io.xunshi.contracts.rectification.RectificationCaseOpened;
import io.xunshi.contracts.rectification.RectificationEvaluated;
import io.xunshi.contracts.rectification.RectificationEvent;
import io.xunshi.contracts.rectification.RectificationProgressReported;
import io.xunshi.contracts.rectification.RectificationReportSubmitted;
import io.xunshi.contracts.rectification.RectificationTask;
import io.xunshi.contracts.rectification.RectificationTaskClosed;
import io.xunshi.kernel.domain.Decider;
import io.xunshi.kernel.domain.DomainRejection;

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
        implements Decider<RectificationCase.Command, RectificationEvent, RectificationCase.State> {

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

    public enum Status { OPEN, REPORT_SUBMITTED, EVALUATED }

    public enum TaskStatus { OPEN, CLOSED }

    public sealed interface Command permits Open, ReportProgress, CloseTask, SubmitReport, Evaluate {
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

    public record Task(String taskId, String findingId, FocusArea focusArea, String description, String responsible,
            TaskStatus status, List<Progress> progress, LocalDate closedOn, List<String> evidence) {
    }

    public record Report(LocalDate submittedOn, String summary, boolean onTime) {
    }

    public record Evaluation(EvaluationOutcome outcome, LocalDate evaluatedOn, String remarks) {
    }

    public record State(String caseId, String inspectionId, String roundId, String planId, String jurisdiction,
            String organisationId, String organisationName, String organisationJurisdiction,
            String organisationLocation, String firstResponsible, LocalDate feedbackOn, LocalDate reportDue,
            List<Task> tasks, Report report, Evaluation evaluation) {

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
                    List.copyOf(newTasks), report, evaluation);
        }

        State withReport(Report newReport) {
            return new State(caseId, inspectionId, roundId, planId, jurisdiction, organisationId, organisationName,
                    organisationJurisdiction, organisationLocation, firstResponsible, feedbackOn, reportDue, tasks,
                    newReport, evaluation);
        }

        State withEvaluation(Evaluation newEvaluation) {
            return new State(caseId, inspectionId, roundId, planId, jurisdiction, organisationId, organisationName,
                    organisationJurisdiction, organisationLocation, firstResponsible, feedbackOn, reportDue, tasks,
                    report, newEvaluation);
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

    @Override
    public State initialState() {
        return new State(null, null, null, null, null, null, null, null, null, null, null, null, List.of(), null,
                null);
    }

    @Override
    public List<RectificationEvent> decide(Command command, State state) {
        if (command instanceof Open open) {
            return state.opened() ? List.of() : List.of(open.opened());
        }
        if (!state.opened()) {
            throw new DomainRejection(NOT_OPENED, "no such rectification case");
        }
        if (state.evaluation() != null) {
            throw new DomainRejection(ALREADY_EVALUATED, "the case was evaluated on "
                    + state.evaluation().evaluatedOn() + "; nothing more is recorded on it");
        }
        if (command instanceof ReportProgress progress) {
            openTask(state, progress.taskId());
            notBeforeFeedback(state, progress.reportedOn(), "progress");
            return List.of(new RectificationProgressReported(state.caseId(), progress.taskId(),
                    progress.reportedOn(), progress.progress().strip()));
        }
        if (command instanceof CloseTask close) {
            openTask(state, close.taskId());
            notBeforeFeedback(state, close.closedOn(), "closing a task");
            List<String> evidence = close.evidence() == null ? List.of()
                    : close.evidence().stream().filter(e -> e != null && !e.isBlank()).map(String::strip).toList();
            if (evidence.isEmpty()) {
                throw new DomainRejection(EVIDENCE_REQUIRED,
                        "a task is closed off the ledger only on evidence: name at least one");
            }
            return List.of(new RectificationTaskClosed(state.caseId(), close.taskId(), close.closedOn(), evidence));
        }
        if (command instanceof SubmitReport submit) {
            if (state.report() != null) {
                throw new DomainRejection(REPORT_ALREADY_SUBMITTED, "the rectification report was already"
                        + " submitted on " + state.report().submittedOn());
            }
            notBeforeFeedback(state, submit.submittedOn(), "the report");
            return List.of(new RectificationReportSubmitted(state.caseId(), submit.submittedOn(),
                    submit.summary().strip(), !submit.submittedOn().isAfter(state.reportDue())));
        }
        Evaluate evaluate = (Evaluate) command;
        if (state.report() == null) {
            throw new DomainRejection(REPORT_NOT_SUBMITTED,
                    "a case is evaluated only after its rectification report is submitted");
        }
        if (evaluate.evaluatedOn().isBefore(state.report().submittedOn())) {
            throw new DomainRejection(DATE_BEFORE_REPORT, "the evaluation, " + evaluate.evaluatedOn()
                    + ", cannot precede the report of " + state.report().submittedOn());
        }
        List<String> open = state.tasks().stream().filter(t -> t.status() == TaskStatus.OPEN)
                .map(Task::taskId).toList();
        if (evaluate.outcome() == EvaluationOutcome.EFFECTIVE && !open.isEmpty()) {
            throw new DomainRejection(TASKS_STILL_OPEN, "rectification is effective only when every task"
                    + " is closed; still open: " + String.join(", ", open));
        }
        return List.of(new RectificationEvaluated(state.caseId(), state.inspectionId(), state.planId(),
                state.organisationId(), evaluate.outcome(), evaluate.evaluatedOn(), evaluate.remarks().strip()));
    }

    private static void openTask(State state, String taskId) {
        Task task = state.task(taskId);
        if (task == null) {
            throw new DomainRejection(TASK_NOT_FOUND, "the case has no task " + taskId);
        }
        if (task.status() == TaskStatus.CLOSED) {
            throw new DomainRejection(TASK_CLOSED, "task " + taskId + " was closed on " + task.closedOn());
        }
    }

    private static void notBeforeFeedback(State state, LocalDate date, String what) {
        if (date.isBefore(state.feedbackOn())) {
            throw new DomainRejection(DATE_BEFORE_FEEDBACK, "the date of " + what + ", " + date
                    + ", is before the feedback of " + state.feedbackOn());
        }
    }

    @Override
    public State evolve(State state, RectificationEvent event) {
        if (event instanceof RectificationCaseOpened o) {
            List<Task> tasks = new ArrayList<>();
            for (RectificationTask t : o.tasks()) {
                tasks.add(new Task(t.taskId(), t.findingId(), t.focusArea(), t.description(), t.responsible(),
                        TaskStatus.OPEN, List.of(), null, List.of()));
            }
            return new State(o.caseId(), o.inspectionId(), o.roundId(), o.planId(), o.jurisdiction(),
                    o.organisationId(), o.organisationName(), o.organisationJurisdiction(), o.organisationLocation(),
                    o.firstResponsible(), o.feedbackOn(), o.reportDue(), List.copyOf(tasks), null, null);
        }
        if (event instanceof RectificationProgressReported p) {
            return state.withTasks(state.tasks().stream().map(t -> {
                if (!t.taskId().equals(p.taskId())) {
                    return t;
                }
                List<Progress> progress = new ArrayList<>(t.progress());
                progress.add(new Progress(p.reportedOn(), p.progress()));
                return new Task(t.taskId(), t.findingId(), t.focusArea(), t.description(), t.responsible(), t.status(),
                        List.copyOf(progress), t.closedOn(), t.evidence());
            }).toList());
        }
        if (event instanceof RectificationTaskClosed c) {
            return state.withTasks(state.tasks().stream().map(t -> !t.taskId().equals(c.taskId()) ? t
                    : new Task(t.taskId(), t.findingId(), t.focusArea(), t.description(), t.responsible(),
                            TaskStatus.CLOSED, t.progress(), c.closedOn(), List.copyOf(c.evidence())))
                    .toList());
        }
        if (event instanceof RectificationReportSubmitted r) {
            return state.withReport(new Report(r.submittedOn(), r.summary(), r.onTime()));
        }
        RectificationEvaluated e = (RectificationEvaluated) event;
        return state.withEvaluation(new Evaluation(e.outcome(), e.evaluatedOn(), e.remarks()));
    }
}
