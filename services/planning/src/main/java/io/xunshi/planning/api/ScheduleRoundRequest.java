package io.xunshi.planning.api;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.xunshi.contracts.coordination.OrganisationKind;
import io.xunshi.contracts.planning.RoundKind;

/** Schedules a round of a plan: teams paired with targets, and the stationing window. */
public record ScheduleRoundRequest(
        @Schema(description = "The kind of round, each with its rules: REGULAR the plan's universe; SPECIAL a theme,"
                + " perhaps one sector; MOBILE a short window; LINKED with a higher LINKED round; ELEVATED organisations a"
                + " lower level covers; LOOK_BACK only organisations the plan inspected") @NotNull RoundKind kind,
        @Schema(description = "Its name", examples = "二十届中央第一轮巡视") @NotBlank @Size(max = 200) String name,
        @Schema(description = "First day the teams are stationed (ISO date), within the plan's term") @NotNull LocalDate stationingStart,
        @Schema(description = "Last day the teams are stationed (ISO date), not before the first") @NotNull LocalDate stationingEnd,
        @Schema(description = "One per target organisation; an organisation appears at most once") @NotEmpty @Size(
                max = 500) List<@Valid @NotNull AssignmentRequest> assignments,
        @Schema(description = "A SPECIAL round's theme or sector of work (专项), required for it and for no other kind",
                examples = "粮食购销领域专项巡视") @Size(max = 200) String theme,
        @Schema(description = "A SPECIAL round may confine itself to organisations of one kind") OrganisationKind sector,
        @Schema(description = "A LINKED round of a lower level: the higher level's LINKED round it is coordinated"
                + " with (联动)") @Size(max = 100) String linkedRoundId) {

    /** A team and the organisation it inspects. */
    public record AssignmentRequest(
            @Schema(description = "The team's name", examples = "中央第一巡视组") @NotBlank @Size(max = 200) String team,
            @Schema(description = "The target organisation's id") @NotBlank @Size(max = 100) String organisationId) {
    }
}
