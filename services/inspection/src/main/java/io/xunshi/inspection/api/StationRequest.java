package io.xunshi.inspection.api;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The team was stationed at the organisation. The body may be omitted. */
public record StationRequest(
        @Schema(description = "The day the team was stationed (ISO date); defaults to today in Asia/Shanghai",
                examples = "2026-03-02") LocalDate stationedOn) {
}
