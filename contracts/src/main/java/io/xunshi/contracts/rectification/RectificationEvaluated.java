package io.xunshi.contracts.rectification;

import java.time.LocalDate;

/**
 * The inspection office evaluated the submitted rectification. For planning, an effective evaluation makes
 * the organisation effectively covered (有效覆盖) under the case's plan.
 *
 * @param caseId the case
 * @param inspectionId the inspection whose feedback opened it
 * @param planId the plan of that inspection
 * @param organisationId the organisation that rectified
 * @param outcome the judgement
 * @param evaluatedOn the day of the evaluation
 * @param remarks the reasons given
 */
public record RectificationEvaluated(String caseId, String inspectionId, String planId, String organisationId,
        EvaluationOutcome outcome, LocalDate evaluatedOn, String remarks) implements RectificationEvent {

    public static final String TYPE = "xunshi.rectification.RectificationEvaluated";
    public static final int VERSION = 1;
}
