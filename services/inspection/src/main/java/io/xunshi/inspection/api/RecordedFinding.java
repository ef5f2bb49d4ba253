package io.xunshi.inspection.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.xunshi.contracts.inspection.FocusArea;
import io.xunshi.contracts.inspection.Severity;
import io.xunshi.inspection.domain.Inspection;
import io.xunshi.kernel.aggregate.AggregateRepository;

/**
 * One finding with the inspection it belongs to and that inspection's version (its ETag), as recording and
 * reading a finding answer. Its informant is never answered in clear: only the subject id their name and contact are
 * sealed under ({@code informantSubject}, null when none is named), by which they can be erased.
 */
public record RecordedFinding(String inspectionId, String findingId, FocusArea focusArea, String description,
        Severity severity, boolean involvesTopLeader, boolean involvesLeadershipTeam, boolean common,
        boolean deepLevel, List<String> evidence,
        @Schema(description = "The subject id the informant's name and contact are sealed under, or null when no"
                + " informant is named; the name and contact are never answered") String informantSubject,
        @Schema(description = "The rule, regulation or decision it breaks; null until the working paper names it") String rule,
        @Schema(description = "Who is responsible, named in their office; null until named") String responsible,
        @Schema(description = "The working paper's review: AWAITING_REVIEW, APPROVED (it enters the report and the"
                + " feedback) or SENT_BACK (to be revised)") Inspection.Review review,
        @Schema(description = "Why the leader sent it back, while it is SENT_BACK") String sentBackFor,
        @Schema(description = "The leader who approved it, once APPROVED") String approvedBy,
        @Schema(description = "The day it was approved, once APPROVED") java.time.LocalDate approvedOn,
        int version) {

    static RecordedFinding of(AggregateRepository.Loaded<Inspection.State> loaded, Inspection.Finding f) {
        return new RecordedFinding(loaded.state().inspectionId(), f.findingId(), f.focusArea(), f.description(),
                f.severity(), f.involvesTopLeader(), f.involvesLeadershipTeam(), f.common(), f.deepLevel(),
                f.evidence(), FindingView.informantSubject(f), f.rule(), f.responsible(), f.review(),
                f.sentBackFor(), f.approvedBy(), f.approvedOn(), loaded.version());
    }

    /** The finding {@code findingId} of the inspection, or null when it has none of that id. */
    static Inspection.Finding find(Inspection.State state, String findingId) {
        return state.finding(findingId);
    }
}
