package io.xunshi.inspection.api;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The receiver's acknowledgement of a problem clue. */
public record AcknowledgeClueRequest(
        @Schema(description = "The day of the acknowledgement (default: today in Asia/Shanghai)") LocalDate acknowledgedOn) {
}
