package io.xunshi.inspection.api;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The team reported the inspection to the leading group. */
public record ReportRequest(
        @Schema(description = "The day of the report (ISO date), not before the stationing; defaults to today in"
                + " Asia/Shanghai", examples = "2026-05-08") LocalDate reportedOn,
        @Schema(description = "The report's summary") @NotBlank @Size(max = 20000) String summary) {
}
