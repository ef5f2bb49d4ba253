package io.xunshi.inspection.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;
import io.xunshi.inspection.application.Teams;
import io.xunshi.inspection.domain.Team;
import io.xunshi.kernel.api.Days;
import io.xunshi.kernel.api.OpenApiConventions;
import io.xunshi.kernel.command.Answer;
import io.xunshi.kernel.command.CommandHeaders;
import io.xunshi.kernel.command.CommandPath;
import io.xunshi.kernel.command.CreationHeaders;
import io.xunshi.kernel.security.Role;

/** Inspection teams (巡视组) of a round: formed from the cadre pool with recusal and vetting applied, stood down. */
@Path("/teams")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Teams")
public class TeamResource {

    private static final String BASE = "/api/v1/teams/";

    @Inject
    Teams teams;

    @Inject
    CommandPath commands;

    @POST
    @RolesAllowed(Role.INSPECTION_OFFICE)
    @Operation(operationId = "formTeam", summary = "Form a team for inspections of one round (组建巡视组)",
            description = "Inspection offices, for inspections in their subtree that are still PREPARING and carry the"
                    + " team's name in the round's assignments. One leader (组长) who has passed the political,"
                    + " integrity and conduct checks and leads no other team (409 cadre-already-leading: 一次一授权);"
                    + " a size within the level's limits, leader included (422 team-size-out-of-limits); nobody twice;"
                    + " and no recusal rule objecting to anyone for any target: 422 with the rule's code"
                    + " (recusal-works-there, recusal-worked-there, recusal-superior-or-subordinate,"
                    + " recusal-close-relation) and every objection in the detail. On success each inspection has its"
                    + " team: only its members, and the inspection office, write to it from then on. An inspection"
                    + " outside the caller's subtree answers 404, like an unknown id. Answers 201 with"
                    + " Location and ETag; send Idempotency-Key to make retries safe.")
    @APIResponse(responseCode = "201", description = "The team formed, with its Location and ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TeamView.class)))
    @APIResponse(responseCode = "404",
            description = "An inspection the request names does not exist, or lies outside the caller's subtree")
    public Uni<Response> form(@Valid @NotNull FormTeamRequest request, @BeanParam CreationHeaders headers) {
        return commands.run(headers, request, teams.forming(request.name(), request.inspectionIds(),
                request.members().stream().map(p -> new Teams.Proposed(p.cadreId().strip(), p.position())).toList()),
                Answer.created(formed -> BASE + formed.state().teamId(), TeamView::of));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Role.INSPECTION_OFFICE, Role.TEAM_LEADER, Role.TEAM_MEMBER, Role.AUDITOR })
    @Operation(operationId = "getTeam", summary = "Read one team with its members and inspections",
            description = "A team outside the caller's jurisdiction subtree answers 404, like an unknown id.")
    @APIResponse(responseCode = "200", description = "The team, with its version as ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TeamView.class)))
    @Extension(name = OpenApiConventions.ETAG_EXTENSION, value = "true")
    public Uni<Response> get(@PathParam("id") String id) {
        return commands.read(teams.aggregate(), id, TeamView::of);
    }

    @POST
    @Path("{id}/stand-down")
    @RolesAllowed(Role.INSPECTION_OFFICE)
    @Operation(operationId = "standDownTeam", summary = "Stand the team down at the end of its round's work",
            description = "Its leader is released from the authorisation and may lead another team. Inspection"
                    + " offices only; a team stood down already answers 409 team-not-active.")
    @APIResponse(responseCode = "200", description = "The team stood down, with its new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TeamView.class)))
    public Uni<Response> standDown(@PathParam("id") String id, @Valid StandDownRequest request,
            @BeanParam CommandHeaders headers) {
        return commands.execute(teams.aggregate(), id, headers, request,
                new Team.StandDown(Days.orToday(request == null ? null : request.on())), Answer.ok(TeamView::of));
    }
}
