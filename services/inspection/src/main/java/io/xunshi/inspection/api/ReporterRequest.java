package io.xunshi.inspection.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A petition's reporter (举报人). Personal data: sealed on arrival under a subject key of the reporter's own, never
 * stored, published, answered or logged in clear; opened only by the identity reader, each opening recorded.
 */
@Schema(description = "A petition's reporter (举报人). Personal data: sealed on arrival under a subject key of the"
        + " reporter's own; no answer shows it but the identity reader's opening, which is recorded.")
public record ReporterRequest(
        @Schema(description = "The reporter's name") @NotBlank @Size(max = 200) String name,
        @Schema(description = "How to reach the reporter: a telephone number, an address") @NotBlank @Size(
                max = 500) String contact) {

    /** Never the values: a request logged by mistake shows no personal data. */
    @Override
    public String toString() {
        return "ReporterRequest[personal data, not shown]";
    }
}
