package io.xunshi.inspection.api;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.xunshi.contracts.inspection.CloseRelation;

/** A close relation to an organisation, for recusal (回避): only its kind, never who the relative is. */
public record DeclareRelationRequest(
        @Schema(description = "The organisation the relation ties the cadre to") @NotBlank @Size(
                max = 100) String organisationId,
        @Schema(description = "The kind of relation") @NotNull CloseRelation relation,
        @Schema(description = "The day of the declaration (default: today in Asia/Shanghai)") LocalDate declaredOn) {
}
