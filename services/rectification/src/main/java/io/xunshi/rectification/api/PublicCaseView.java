package io.xunshi.rectification.api;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.xunshi.contracts.rectification.EvaluationGrade;
import io.xunshi.contracts.rectification.EvaluationOutcome;
import io.xunshi.contracts.rectification.PublicProblem;
import io.xunshi.contracts.rectification.PublicViewPublished;

/**
 * A case's public view (Art. 32) as the inspection office last published it, and nothing more: no owners, evidence,
 * progress, supervision, consultations, accountability or remarks, and not the problems it withheld.
 */
@Schema(name = "PublicCaseView")
public record PublicCaseView(String caseId, LocalDate publishedOn, String jurisdiction, String organisationName,
        LocalDate feedbackOn, String summary, List<PublicProblem> problems, int tasksTotal, int tasksClosed,
        LocalDate reportSubmittedOn,
        @Schema(description = "Null before the evaluation") EvaluationGrade grade,
        @Schema(description = "Null before the evaluation") EvaluationOutcome outcome) {

    static PublicCaseView of(PublicViewPublished v) {
        return new PublicCaseView(v.caseId(), v.publishedOn(), v.jurisdiction(), v.organisationName(), v.feedbackOn(),
                v.summary(), v.problems(), v.tasksTotal(), v.tasksClosed(), v.reportSubmittedOn(), v.grade(),
                v.outcome());
    }
}
