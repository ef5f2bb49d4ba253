package io.xunshi.inspection.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.xunshi.contracts.inspection.FocusArea;
import io.xunshi.contracts.inspection.Severity;
import io.xunshi.inspection.domain.Inspection;

/** One finding of an inspection; of its informant only the subject id (never the name or contact). */
public record FindingView(String findingId, FocusArea focusArea, String description, Severity severity,
        boolean involvesTopLeader, boolean involvesLeadershipTeam, boolean common, boolean deepLevel,
        List<String> evidence,
        @Schema(description = "The subject id the informant's name and contact are sealed under, or null when no"
                + " informant is named; the name and contact are never answered") String informantSubject,
        @Schema(description = "The rule, regulation or decision it breaks; null until the working paper names it") String rule,
        @Schema(description = "Who is responsible, named in their office; null until named") String responsible,
        @Schema(description = "The working paper's review: AWAITING_REVIEW, APPROVED (it enters the report and the"
                + " feedback) or SENT_BACK (to be revised)") Inspection.Review review,
        @Schema(description = "Why the leader sent it back, while it is SENT_BACK") String sentBackFor,
        @Schema(description = "The leader who approved it, once APPROVED") String approvedBy,
        @Schema(description = "The day it was approved, once APPROVED") java.time.LocalDate approvedOn) {

    static FindingView of(Inspection.Finding f) {
        return new FindingView(f.findingId(), f.focusArea(), f.description(), f.severity(), f.involvesTopLeader(),
                f.involvesLeadershipTeam(), f.common(), f.deepLevel(), f.evidence(), informantSubject(f), f.rule(),
                f.responsible(), f.review(), f.sentBackFor(), f.approvedBy(), f.approvedOn());
    }

    static String informantSubject(Inspection.Finding f) {
        return f.informant() == null ? null : f.informant().subject();
    }
}
