package io.xunshi.rectification.api;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The supervising office does not accept a task's closure off the ledger (销号不予认可). */
public record RejectClosureRequest(
        @Schema(description = "The day of the rejection; today (Asia/Shanghai) when absent. Not before the task was"
                + " closed, not in the future", examples = "2026-09-05") LocalDate rejectedOn,
        @Schema(description = "Why the closure is not accepted",
                examples = "佐证材料不足，制度尚未印发") @NotBlank @Size(max = 4000) String reason) {
}
