package io.xunshi.contracts.rectification;

import java.time.LocalDate;

/**
 * A case judged not effective put its organisation forward for a look-back round (回头看): planning takes the
 * candidates for LOOK_BACK rounds. Published with the evaluation that judged it.
 *
 * @param caseId the case
 * @param inspectionId the inspection whose feedback opened it
 * @param planId the plan of that inspection
 * @param jurisdiction the inspecting jurisdiction
 * @param organisationId the organisation to look back at
 * @param organisationName its name
 * @param organisationJurisdiction the jurisdiction whose plan covers it
 * @param organisationLocation where it is located
 * @param evaluatedOn the day of the evaluation
 * @param grade the grade it got
 */
public record LookBackCandidatePublished(String caseId, String inspectionId, String planId, String jurisdiction,
        String organisationId, String organisationName, String organisationJurisdiction, String organisationLocation,
        LocalDate evaluatedOn, EvaluationGrade grade) implements RectificationEvent {

    public static final String TYPE = "xunshi.rectification.LookBackCandidatePublished";
    public static final int VERSION = 1;
}
