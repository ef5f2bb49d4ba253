package io.xunshi.rectification.api;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.xunshi.contracts.rectification.EvaluationOutcome;

/** The inspection office's evaluation of a submitted rectification (整改评估). */
public record EvaluateRectificationRequest(
        @Schema(description = "The day of the evaluation; today (Asia/Shanghai) when absent. Not before the"
                + " report, not in the future", examples = "2026-05-10") LocalDate evaluatedOn,
        @Schema(description = "EFFECTIVE only when every task is closed") @NotNull EvaluationOutcome outcome,
        @Schema(description = "The reasons given",
                examples = "整改措施有力，问题全部销号") @NotBlank @Size(max = 4000) String remarks) {
}
