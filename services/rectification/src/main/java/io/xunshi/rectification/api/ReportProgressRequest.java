package io.xunshi.rectification.api;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Progress on one task of a case. */
public record ReportProgressRequest(
        @Schema(description = "The day of the progress report; today (Asia/Shanghai) when absent. Not before the"
                + " feedback, not in the future", examples = "2026-03-01") LocalDate reportedOn,
        @Schema(description = "What was done",
                examples = "已完成专项自查，制定整改方案") @NotBlank @Size(max = 4000) String progress) {
}
