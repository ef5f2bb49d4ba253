package io.xunshi.contracts.rectification;

import java.time.LocalDate;
import java.util.List;

/**
 * The inspection office evaluated the submitted rectification. For planning, an effective evaluation makes
 * the organisation effectively covered (有效覆盖) under the case's plan. A scored evaluation carries its score,
 * grade and deductions; evaluations recorded before scoring existed carry the outcome only.
 *
 * @param caseId the case
 * @param inspectionId the inspection whose feedback opened it
 * @param planId the plan of that inspection
 * @param organisationId the organisation that rectified
 * @param outcome the judgement, which the grade decides
 * @param evaluatedOn the day of the evaluation
 * @param remarks the reasons given
 * @param score the points left after the deductions, or null before scoring existed
 * @param fullMarks the model's full marks, or null before scoring existed
 * @param grade the grade of the score, or null before scoring existed
 * @param deductions the points deducted, by criterion, or null before scoring existed
 */
public record RectificationEvaluated(String caseId, String inspectionId, String planId, String organisationId,
        EvaluationOutcome outcome, LocalDate evaluatedOn, String remarks, Integer score, Integer fullMarks,
        EvaluationGrade grade, List<Deduction> deductions) implements RectificationEvent {

    public static final String TYPE = "xunshi.rectification.RectificationEvaluated";
    public static final int VERSION = 1;
}
