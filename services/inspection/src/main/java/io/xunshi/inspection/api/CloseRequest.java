package io.xunshi.inspection.api;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The inspection is closed after its feedback. The body may be omitted. */
public record CloseRequest(
        @Schema(description = "The day it was closed (ISO date), not before the feedback; defaults to today in"
                + " Asia/Shanghai", examples = "2026-06-30") LocalDate closedOn) {
}
