package io.xunshi.rectification.api;

import java.time.LocalDate;
import java.util.List;

import io.xunshi.contracts.inspection.FocusArea;
import io.xunshi.contracts.rectification.EvaluationOutcome;
import io.xunshi.kernel.aggregate.AggregateRepository;
import io.xunshi.rectification.domain.RectificationCase;

/**
 * A rectification case as the API shows it, read from its stream; {@code version} is also its ETag.
 * {@code overdue}: the report is not submitted and today (Asia/Shanghai) is after {@code reportDue}.
 * {@code report} and {@code evaluation} are null until they happen.
 */
public record CaseView(String caseId, String inspectionId, String roundId, String planId, String jurisdiction,
        String organisationId, String organisationName, String organisationJurisdiction, String organisationLocation,
        String firstResponsible, LocalDate feedbackOn, LocalDate reportDue, RectificationCase.Status status,
        boolean overdue, Report report, Evaluation evaluation, List<Task> tasks, int version) {

    public record Report(LocalDate submittedOn, String summary, boolean onTime) {
    }

    public record Evaluation(EvaluationOutcome outcome, LocalDate evaluatedOn, String remarks) {
    }

    public record Progress(LocalDate reportedOn, String progress) {
    }

    public record Task(String taskId, String findingId, FocusArea focusArea, String description, String responsible,
            RectificationCase.TaskStatus status, List<Progress> progress, LocalDate closedOn, List<String> evidence) {
    }

    static CaseView of(AggregateRepository.Loaded<RectificationCase.State> loaded, LocalDate today) {
        RectificationCase.State s = loaded.state();
        List<Task> tasks = s.tasks().stream().map(t -> new Task(t.taskId(), t.findingId(), t.focusArea(),
                t.description(), t.responsible(), t.status(),
                t.progress().stream().map(p -> new Progress(p.reportedOn(), p.progress())).toList(), t.closedOn(),
                t.evidence())).toList();
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
                tasks, loaded.version());
    }
}
