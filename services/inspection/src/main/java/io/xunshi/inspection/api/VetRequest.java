package io.xunshi.inspection.api;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.xunshi.contracts.inspection.VettingCheck;

/** A check a leader needs, passed (政治关、廉洁关、作风关). */
public record VetRequest(
        @Schema(description = "Which check") @NotNull VettingCheck check,
        @Schema(description = "The day it was passed (default: today in Asia/Shanghai)") LocalDate passedOn) {
}
