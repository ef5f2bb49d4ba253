package io.xunshi.rectification.application;

import java.time.LocalDate;

import io.xunshi.contracts.rectification.EvaluationOutcome;
import io.xunshi.rectification.domain.RectificationCase;

/**
 * A case as the list shows it; {@code version} is the version of the case the list has caught up with,
 * which may briefly lag behind the case itself.
 */
public record CaseSummary(String caseId, String inspectionId, String roundId, String planId, String jurisdiction,
        String organisationId, String organisationName, String organisationJurisdiction, String organisationLocation,
        String firstResponsible, LocalDate feedbackOn, LocalDate reportDue, RectificationCase.Status status,
        boolean overdue, int tasksTotal, int tasksClosed, LocalDate reportSubmittedOn, Boolean reportOnTime,
        EvaluationOutcome outcome, LocalDate evaluatedOn, int version) {
}
