package io.xunshi.inspection.api;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.xunshi.contracts.inspection.FocusArea;
import io.xunshi.contracts.inspection.Severity;

/**
 * A working paper revised after the leader sent it back: it replaces the finding's content (the informant stays as
 * recorded). The flags default to false, the evidence to none.
 */
public record ReviseFindingRequest(
        @Schema(description = "The focus area it belongs to") @NotNull FocusArea focusArea,
        @Schema(description = "What was found") @NotBlank @Size(max = 4000) String description,
        @Schema(description = "How serious it is") @NotNull Severity severity,
        @Schema(description = "Whether it involves the top leader (一把手)") Boolean involvesTopLeader,
        @Schema(description = "Whether it involves the leadership team") Boolean involvesLeadershipTeam,
        @Schema(description = "Whether it is a common problem (共性问题)") Boolean common,
        @Schema(description = "Whether it is a deep-level problem (深层次问题)") Boolean deepLevel,
        @Schema(description = "References to the evidence: documents, talks, visits") @Size(
                max = 100) List<@NotBlank @Size(max = 500) String> evidence,
        @Schema(description = "The rule, regulation or decision it breaks (定性依据)") @NotBlank @Size(
                max = 1000) String rule,
        @Schema(description = "Who is responsible, named in their office") @NotBlank @Size(
                max = 200) String responsible) {
}
