package io.xunshi.inspection.api;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A thematic report (专题报告) on a widespread or systemic problem, resting on findings of the inspection. */
public record ThematicReportRequest(
        @Schema(description = "Its title", examples = "关于基层“微腐败”问题的专题报告") @NotBlank @Size(
                max = 200) String title,
        @Schema(description = "What it says") @NotBlank @Size(max = 20000) String summary,
        @Schema(description = "The findings of this inspection it rests on") @NotEmpty @Size(
                max = 300) List<@NotBlank @Size(max = 100) String> findingIds,
        @Schema(description = "The day it was submitted (default: today in Asia/Shanghai)") LocalDate submittedOn) {
}
