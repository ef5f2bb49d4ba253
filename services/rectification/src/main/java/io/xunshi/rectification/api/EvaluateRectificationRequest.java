package io.xunshi.rectification.api;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The inspection office's scored evaluation of a submitted rectification (整改评估), on the model of the inspecting
 * level: the points deducted by criterion; the score, the grade and from it the outcome follow.
 */
public record EvaluateRectificationRequest(
        @Schema(description = "The day of the evaluation; today (Asia/Shanghai) when absent. Not before the"
                + " report, not in the future", examples = "2026-05-10") LocalDate evaluatedOn,
        @Schema(description = "The points deducted, at most one entry per criterion of the level's model; empty for"
                + " full marks") @NotNull @Size(max = 50) List<@Valid @NotNull DeductionRequest> deductions,
        @Schema(description = "The reasons given",
                examples = "整改措施有力，问题全部销号") @NotBlank @Size(max = 4000) String remarks) {

    /** Points deducted on one criterion. */
    public record DeductionRequest(
            @Schema(description = "The criterion's code in the level's model (GET /rectification-evaluation-model)",
                    examples = "systems") @NotBlank @Size(max = 100) String criterion,
            @Schema(description = "How many points, at most the criterion's weight",
                    examples = "5") @NotNull @Min(1) @Max(1000) Integer points,
            @Schema(description = "Why", examples = "长效机制建设不够健全") @NotBlank @Size(max = 2000) String reason) {
    }
}
