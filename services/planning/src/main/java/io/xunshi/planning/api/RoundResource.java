package io.xunshi.planning.api;

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
import io.xunshi.kernel.api.Days;
import io.xunshi.kernel.api.OpenApiConventions;
import io.xunshi.kernel.command.Answer;
import io.xunshi.kernel.command.CommandHeaders;
import io.xunshi.kernel.command.CommandPath;
import io.xunshi.kernel.security.Caller;
import io.xunshi.kernel.security.CurrentCaller;
import io.xunshi.kernel.security.Role;
import io.xunshi.planning.application.RoundView;
import io.xunshi.planning.application.Rounds;
import io.xunshi.planning.domain.Round;

/** Rounds: read one, launch a scheduled one. */
@Path("/rounds")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Rounds")
public class RoundResource {

    static final String BASE = "/api/v1/rounds/";

    @Inject
    Rounds rounds;

    @Inject
    CommandPath commands;

    @Inject
    CurrentCaller callers;

    @GET
    @Path("{id}")
    @RolesAllowed({ Role.INSPECTION_OFFICE, Role.TEAM_LEADER, Role.TEAM_MEMBER, Role.DISCIPLINE_LIAISON,
            Role.ORGANISATION_LIAISON, Role.AUDITOR })
    @Operation(operationId = "getRound", summary = "Read one round with its assignments; its ETag is its version",
            description = "A round outside the caller's jurisdiction subtree answers 404, like an unknown id.")
    @APIResponse(responseCode = "200", description = "The round, with its version as ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RoundView.class)))
    @Extension(name = OpenApiConventions.ETAG_EXTENSION, value = "true")
    public Uni<Response> get(@PathParam("id") String id) {
        return commands.read(rounds.aggregate(), id, Rounds::view);
    }

    @GET
    @Path("{id}/linked-rounds")
    @RolesAllowed({ Role.INSPECTION_OFFICE, Role.TEAM_LEADER, Role.TEAM_MEMBER, Role.DISCIPLINE_LIAISON,
            Role.ORGANISATION_LIAISON, Role.AUDITOR })
    @Operation(operationId = "listLinkedRounds",
            summary = "The lower levels' LINKED rounds coordinated with this round (联动), in the order scheduled",
            description = "The rounds that name this one as their linkedRoundId, within the caller's subtree, so that a"
                    + " linked round and its lower-level rounds are seen together. The round itself outside the"
                    + " caller's subtree answers 404, like an unknown id.")
    @APIResponse(responseCode = "200", description = "The linked rounds",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = LinkedRounds.class)))
    public Uni<LinkedRounds> linkedRounds(@PathParam("id") String id) {
        Caller caller = callers.get();
        return commands.visible(rounds.aggregate(), id)
                .flatMap(loaded -> rounds.linkedTo(id, caller.jurisdiction()))
                .map(items -> new LinkedRounds(id, items));
    }

    /** A round and the lower levels' rounds linked with it. */
    @Schema(name = "LinkedRounds")
    public record LinkedRounds(String roundId, java.util.List<RoundView> items) {
    }

    @POST
    @Path("{id}/filing")
    @RolesAllowed(Role.INSPECTION_OFFICE)
    @Operation(operationId = "fileRound", summary = "File the round's work plan with the level above (报备)",
            description = "Inspection offices within the round's jurisdiction. The round's work plan goes to the"
                    + " office of the jurisdiction whose plan is its plan's parent, which lists it (GET"
                    + " /round-filings); the event records who filed it. Once per round (409 round-already-filed); the"
                    + " Centre's rounds have no level"
                    + " above (409 round-has-no-level-above). If-Match with the round's ETag refuses a stale filing.")
    @APIResponse(responseCode = "200", description = "The round with its filing, with its new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RoundView.class)))
    public Uni<Response> file(@PathParam("id") String id, @Valid @NotNull FileRoundRequest request,
            @BeanParam CommandHeaders headers) {
        return rounds.levelAbove(id).flatMap(above -> commands.execute(rounds.aggregate(), id, headers, request,
                new Round.File(Days.orToday(request.filedOn()), request.workPlan(), above),
                Answer.ok(Rounds::view)));
    }

    @POST
    @Path("{id}/launch")
    @RolesAllowed(Role.INSPECTION_OFFICE)
    @Operation(operationId = "launchRound", summary = "Launch a scheduled round",
            description = "Inspection offices within the round's jurisdiction. RoundLaunched repeats the whole"
                    + " round, and the inspection service opens one inspection per assignment. A round is launched"
                    + " once: launching it again is 409. The body and launchedOn are optional (today in"
                    + " Asia/Shanghai). Send If-Match with the round's ETag to refuse a stale launch (412).")
    @APIResponse(responseCode = "200", description = "The round launched, with its new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RoundView.class)))
    public Uni<Response> launch(@PathParam("id") String id, @Valid LaunchRoundRequest request,
            @BeanParam CommandHeaders headers) {
        LaunchRoundRequest body = request == null ? new LaunchRoundRequest(null) : request;
        return commands.execute(rounds.aggregate(), id, headers, body,
                new Round.Launch(Days.orToday(body.launchedOn())),
                Answer.ok(Rounds::view));
    }
}
