package io.xunshi.inspection.api;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.xunshi.contracts.inspection.BriefingSource;

/** A department's briefing of the team on the organisation, before the stationing (Art. 21). */
public record BriefingRequest(
        @Schema(description = "The kind of department") @NotNull BriefingSource source,
        @Schema(description = "The department's name", examples = "省纪委监委第三监督检查室") @NotBlank @Size(
                max = 200) String department,
        @Schema(description = "The day of the briefing (default: today in Asia/Shanghai)") LocalDate receivedOn,
        @Schema(description = "What the team took from it",
                examples = "通报近三年信访举报和问题线索处置情况") @NotBlank @Size(max = 4000) String summary) {
}
