package io.xunshi.inspection.api;

import java.time.LocalDate;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The team leader's review of a working paper: approve it, or send it back with what it lacks. */
public record ReviewFindingRequest(
        @Schema(description = "APPROVE: it enters the report and the feedback; SEND_BACK: it goes back to the team"
                + " with the reason") @NotNull ReviewDecision decision,
        @Schema(description = "What the draft lacks; required to send it back",
                examples = "定性依据不充分，请补充会议纪要") @Size(max = 2000) String reason,
        @Schema(description = "The day of the review (default: today in Asia/Shanghai)") LocalDate reviewedOn) {

    /** What the leader decides. */
    public enum ReviewDecision {
        APPROVE, SEND_BACK
    }

    @AssertTrue(message = "a working paper is sent back with a reason")
    @Schema(hidden = true)
    public boolean isReasonGivenWhenSentBack() {
        return decision != ReviewDecision.SEND_BACK || (reason != null && !reason.isBlank());
    }
}
