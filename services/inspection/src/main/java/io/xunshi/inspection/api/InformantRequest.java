package io.xunshi.inspection.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The private individual whose information led to a finding (线索提供人). Personal data: sealed on arrival under a
 * subject key of the informant's own, never stored, published, answered or logged in clear
 * (docs/adr/0020-personal-data.md).
 */
@Schema(description = "The private individual whose information led to the finding (线索提供人). Personal data:"
        + " sealed on arrival under a subject key of the informant's own; no answer shows it, only its subject id"
        + " (informantSubject).")
public record InformantRequest(
        @Schema(description = "The informant's name") @NotBlank @Size(max = 200) String name,
        @Schema(description = "How to reach the informant: a telephone number, an address") @NotBlank @Size(
                max = 500) String contact) {

    /** Never the values: a request logged by mistake shows no personal data. */
    @Override
    public String toString() {
        return "InformantRequest[personal data, not shown]";
    }
}
