package io.xunshi.rectification.api;

import java.time.LocalDate;
import java.util.List;

import io.xunshi.contracts.inspection.FocusArea;
import io.xunshi.contracts.rectification.EvaluationOutcome;
import io.xunshi.contracts.rectification.TaskTier;
import io.xunshi.kernel.aggregate.AggregateRepository;
import io.xunshi.rectification.domain.RectificationCase;

/**
 * A rectification case as the API shows it, read from its stream; {@code version} is also its ETag.
 * {@code overdue}: the report is not submitted and today (Asia/Shanghai) is after {@code reportDue}.
 * {@code report}, {@code headReport}, {@code evaluation} and {@code planFiledOn} are null until they happen. The
 * three lists of the plan: {@code problems}, {@code tasks} and {@code responsibilities}.
 */
public record CaseView(String caseId, String inspectionId, String roundId, String planId, String jurisdiction,
        String organisationId, String organisationName, String organisationJurisdiction, String organisationLocation,
        String firstResponsible, LocalDate feedbackOn, LocalDate reportDue, RectificationCase.Status status,
        boolean overdue, Report report, Evaluation evaluation, List<Task> tasks, LocalDate planFiledOn,
        List<CaseProblem> problems, List<Responsibility> responsibilities, Report headReport, int version) {

    public record Report(LocalDate submittedOn, String summary, boolean onTime) {
    }

    public record Evaluation(EvaluationOutcome outcome, LocalDate evaluatedOn, String remarks) {
    }

    public record Progress(LocalDate reportedOn, String progress) {
    }

    /** {@code tier}, {@code dueOn} and {@code responsiblePost} are null on the first tasks, before the plan. */
    public record Task(String taskId, String findingId, FocusArea focusArea, String description, String responsible,
            RectificationCase.TaskStatus status, List<Progress> progress, LocalDate closedOn, List<String> evidence,
            TaskTier tier, LocalDate dueOn, String responsiblePost, List<TaskOwnership> owners) {
    }

    /** Who owned a task from when until when ({@code until} null: still); successors follow their predecessors. */
    public record TaskOwnership(String owner, String post, LocalDate since, LocalDate until) {
    }

    /** The problem list (问题清单): each finding fed back, with the tasks working on it. */
    public record CaseProblem(String findingId, FocusArea focusArea, String description, List<String> taskIds) {
    }

    /**
     * The responsibility list (责任清单): who owns which tasks, the first responsible person (the head) first, then
     * the owners in the order of their first task; {@code openTaskIds} are those not yet closed.
     */
    public record Responsibility(String responsible, String post, boolean firstResponsible, List<String> taskIds,
            List<String> openTaskIds) {
    }

    static CaseView of(AggregateRepository.Loaded<RectificationCase.State> loaded, LocalDate today) {
        RectificationCase.State s = loaded.state();
        List<Task> tasks = s.tasks().stream().map(t -> new Task(t.taskId(), t.findingId(), t.focusArea(),
                t.description(), t.responsible(), t.status(),
                t.progress().stream().map(p -> new Progress(p.reportedOn(), p.progress())).toList(), t.closedOn(),
                t.evidence(), t.tier(), t.dueOn(), t.responsiblePost(), t.owners().stream()
                        .map(o -> new TaskOwnership(o.owner(), o.post(), o.since(), o.until())).toList()))
                .toList();
        List<CaseProblem> problems = s.problems().stream().map(p -> new CaseProblem(p.findingId(), p.focusArea(),
                p.description(), s.tasks().stream().filter(t -> t.findingId().equals(p.findingId()))
                        .map(RectificationCase.Task::taskId).toList()))
                .toList();
        return new CaseView(s.caseId(), s.inspectionId(), s.roundId(), s.planId(), s.jurisdiction(),
                s.organisationId(), s.organisationName(), s.organisationJurisdiction(), s.organisationLocation(),
                s.firstResponsible(), s.feedbackOn(), s.reportDue(), s.status(), s.overdue(today),
                s.report() == null
                        ? null
                        : new Report(s.report().submittedOn(), s.report().summary(),
                                s.report().onTime()),
                s.evaluation() == null
                        ? null
                        : new Evaluation(s.evaluation().outcome(), s.evaluation().evaluatedOn(),
                                s.evaluation().remarks()),
                tasks, s.planFiledOn(), problems, responsibilities(s),
                s.headReport() == null
                        ? null
                        : new Report(s.headReport().submittedOn(), s.headReport().summary(), s.headReport().onTime()),
                loaded.version());
    }

    private static List<Responsibility> responsibilities(RectificationCase.State s) {
        java.util.Map<String, List<RectificationCase.Task>> byOwner = new java.util.LinkedHashMap<>();
        if (s.firstResponsible() != null) {
            byOwner.put(s.firstResponsible(), new java.util.ArrayList<>());
        }
        for (RectificationCase.Task t : s.tasks()) {
            byOwner.computeIfAbsent(t.responsible(), owner -> new java.util.ArrayList<>()).add(t);
        }
        return byOwner.entrySet().stream().map(e -> new Responsibility(e.getKey(),
                e.getValue().stream().map(RectificationCase.Task::responsiblePost).filter(java.util.Objects::nonNull)
                        .findFirst().orElse(null),
                e.getKey().equals(s.firstResponsible()),
                e.getValue().stream().map(RectificationCase.Task::taskId).toList(),
                e.getValue().stream().filter(t -> t.status() == RectificationCase.TaskStatus.OPEN)
                        .map(RectificationCase.Task::taskId).toList()))
                .toList();
    }
}
