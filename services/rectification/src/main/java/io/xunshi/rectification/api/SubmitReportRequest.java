package io.xunshi.rectification.api;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The rectification report to the inspecting level. */
public record SubmitReportRequest(
        @Schema(description = "The day it was submitted; today (Asia/Shanghai) when absent. Not before the"
                + " feedback, not in the future", examples = "2026-04-20") LocalDate submittedOn,
        @Schema(description = "The report's summary",
                examples = "反馈的问题已整改完成2项，长期坚持1项") @NotBlank @Size(max = 20000) String summary) {
}
