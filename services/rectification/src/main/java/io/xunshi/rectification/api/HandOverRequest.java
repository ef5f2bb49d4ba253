package io.xunshi.rectification.api;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An owner changed post: their open tasks pass to the successor (整改责任交接). */
public record HandOverRequest(
        @Schema(description = "The outgoing owner, as the case names them", examples = "王某") @NotBlank @Size(
                max = 200) String from,
        @Schema(description = "The successor, named in office", examples = "陈某") @NotBlank @Size(max = 200) String to,
        @Schema(description = "The successor's post", examples = "副局长") @NotBlank @Size(max = 200) String toPost,
        @Schema(description = "The day of the handover; today (Asia/Shanghai) when absent. Not before the"
                + " feedback, not in the future", examples = "2026-08-15") LocalDate handedOverOn) {
}
