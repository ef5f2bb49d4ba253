package io.xunshi.coordination.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.xunshi.contracts.coordination.OrganisationKind;

/** Registers an inspectable organisation under the jurisdiction that manages it. */
public record RegisterOrganisationRequest(
        @Schema(description = "Full name", examples = "广东省交通运输厅") @NotBlank @Size(max = 200) String name,
        @Schema(description = "What kind of organisation it is") @NotNull OrganisationKind kind,
        @Schema(description = "The managing jurisdiction: GB/T 2260 code, or 000000 for the Centre",
                examples = "440000") @NotNull @Pattern(regexp = Patterns.JURISDICTION,
                        message = Patterns.JURISDICTION_MESSAGE) String jurisdiction,
        @Schema(description = "Where it is located, within the managing jurisdiction; defaults to it",
                examples = "440100") @Pattern(regexp = Patterns.JURISDICTION,
                        message = Patterns.JURISDICTION_MESSAGE) String location) {
}
