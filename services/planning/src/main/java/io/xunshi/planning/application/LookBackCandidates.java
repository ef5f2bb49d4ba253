package io.xunshi.planning.application;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.xunshi.contracts.rectification.EvaluationGrade;

/** A plan's look-back candidates (回头看): organisations whose rectification was judged not effective. */
@Schema(name = "LookBackCandidates")
public record LookBackCandidates(String planId, List<Candidate> items) {

    /**
     * @param lookBackRoundId the LOOK_BACK round of the plan that targets the organisation, or null while none does
     */
    @Schema(name = "LookBackCandidate")
    public record Candidate(String organisationId, String organisationName, String caseId, String inspectionId,
            LocalDate evaluatedOn, EvaluationGrade grade, String lookBackRoundId) {
    }
}
