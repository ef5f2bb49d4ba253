package io.xunshi.inspection.api;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.xunshi.contracts.inspection.PetitionScope;

/** Whom the petition concerns: within the inspection's scope, or out of it. */
public record ClassifyPetitionRequest(
        @Schema(description = "LEADERSHIP_TEAM, LEADERSHIP_MEMBER or KEY_POST_OFFICIAL: material for findings and"
                + " problem clues; OUT_OF_SCOPE: to be transferred to its department") @NotNull PetitionScope scope,
        @Schema(description = "The day of the decision (default: today in Asia/Shanghai)") LocalDate classifiedOn) {
}
