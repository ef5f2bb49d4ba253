package io.xunshi.inspection.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why: recorded with an opening of a reporter's identity, or with an erasure. */
public record ReasonRequest(
        @Schema(description = "Why it is done; recorded on the petition", examples = "核实举报人身份以便回访") @NotBlank @Size(
                max = 1000) String reason) {
}
