package io.xunshi.inspection.api;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.xunshi.contracts.inspection.TeamPosition;

/** A team for inspections of one round: its name as the round's assignments give it, the inspections, the people. */
public record FormTeamRequest(
        @Schema(description = "The team's name, as the round's assignments give it",
                examples = "省委第一巡视组") @NotBlank @Size(max = 200) String name,
        @Schema(description = "The inspections of the round the team carries out") @NotEmpty @Size(
                max = 10) List<@NotBlank @Size(max = 100) String> inspectionIds,
        @Schema(description = "Everyone in the team: one LEADER, any DEPUTY_LEADERs and MEMBERs") @NotEmpty @Size(
                max = 50) List<@NotNull @Valid Person> members) {

    /** One person of the team. */
    public record Person(
            @Schema(description = "The cadre in the pool") @NotBlank @Size(max = 100) String cadreId,
            @Schema(description = "Their place in the team") @NotNull TeamPosition position) {
    }
}
