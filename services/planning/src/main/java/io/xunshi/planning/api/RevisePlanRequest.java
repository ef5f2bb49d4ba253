package io.xunshi.planning.api;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.xunshi.contracts.planning.RevisionReason;

/** A revision of a plan during its term (规划修订): organisations that join its universe and that leave it. */
public record RevisePlanRequest(
        @Schema(description = "The day of the revision (ISO date), within the plan's term; today in Asia/Shanghai when"
                + " left out", examples = "2025-03-01") LocalDate revisedOn,
        @Schema(description = "Organisations that join: managed by the plan's jurisdiction, not in the universe yet;"
                + " reason NEW_UNIT, MOVED_LEVEL or OTHER") @Size(
                        max = 1000) List<@Valid @NotNull ChangeRequest> joined,
        @Schema(description = "Organisations that leave: in the universe; reason MERGED, DISSOLVED, MOVED_LEVEL or"
                + " OTHER") @Size(max = 1000) List<@Valid @NotNull ChangeRequest> left) {

    /** One organisation that joins or leaves, and why. */
    @Schema(name = "UniverseChangeRequest")
    public record ChangeRequest(
            @Schema(description = "The organisation's id") @NotBlank @Size(max = 100) String organisationId,
            @Schema(description = "Why it joins or leaves") @NotNull RevisionReason reason,
            @Schema(description = "What happened, e.g. the organisation it merged into",
                    examples = "并入省国资委") @Size(max = 1000) String note) {
    }
}
