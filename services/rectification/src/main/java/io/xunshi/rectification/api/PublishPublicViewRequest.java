package io.xunshi.rectification.api;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The inspection office's decision to publish a case's public view (Art. 32). */
public record PublishPublicViewRequest(
        @Schema(description = "The day of publication; today (Asia/Shanghai) when absent. Not before the report, not"
                + " in the future", examples = "2026-09-15") LocalDate publishedOn,
        @Schema(description = "The public account of the rectification",
                examples = "巡视反馈问题已基本整改到位") @NotBlank @Size(max = 5000) String summary,
        @Schema(description = "Findings not to disclose: state secrets, cases under investigation, anything internal",
                examples = "[\"f-2\"]") @Size(max = 500) List<@NotBlank @Size(max = 200) String> withheldFindings) {
}
