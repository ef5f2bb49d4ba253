package io.xunshi.rectification.api;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The principal leader's report on how they organised the rectification (主要负责人组织落实情况报告, Art. 27). */
public record HeadReportRequest(
        @Schema(description = "The day it was submitted; today (Asia/Shanghai) when absent. Not before the"
                + " feedback, not in the future", examples = "2026-09-20") LocalDate submittedOn,
        @Schema(description = "The report's summary",
                examples = "党委书记履行第一责任人职责，召开专题会议6次") @NotBlank @Size(max = 20000) String summary) {
}
