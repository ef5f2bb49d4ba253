package io.xunshi.planning.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.xunshi.kernel.aggregate.AggregateRepository;
import io.xunshi.kernel.api.CommandResult;
import io.xunshi.kernel.api.ETags;
import io.xunshi.kernel.api.IdempotentCommands;
import io.xunshi.kernel.api.OpenApiConventions;
import io.xunshi.kernel.api.ProblemException;
import io.xunshi.kernel.api.ProblemType;
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
    IdempotentCommands commands;

    @Inject
    CurrentCaller callers;

    @Inject
    ObjectMapper json;

    @GET
    @Path("{id}")
    @RolesAllowed({ Role.INSPECTION_OFFICE, Role.TEAM_LEADER, Role.TEAM_MEMBER, Role.DISCIPLINE_LIAISON,
            Role.ORGANISATION_LIAISON, Role.AUDITOR })
    @Operation(operationId = "getRound", summary = "Read one round with its assignments; its ETag is its version",
            description = "A round outside the caller's jurisdiction subtree answers 404, like an unknown id.")
    @APIResponse(responseCode = "200", description = "The round, with its version as ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RoundView.class)))
    @Extension(name = OpenApiConventions.ETAG_EXTENSION, value = "true")
    public Uni<Response> get(@PathParam("id") String id) {
        return visible(callers.get(), id).map(loaded -> Response.ok(Rounds.view(loaded))
                .header("ETag", ETags.of(loaded.version())).build());
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
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RoundView.class)))
    public Uni<Response> launch(@PathParam("id") String id, @Valid LaunchRoundRequest request,
            @HeaderParam("If-Match") String ifMatch,
            @Parameter(description = "Makes a retry return the first result instead of failing as a second launch")
            @HeaderParam(IdempotentCommands.HEADER) String idempotencyKey) {
        Caller caller = callers.get();
        int expected = ETags.expectedVersion(ifMatch);
        LaunchRoundRequest body = request == null ? new LaunchRoundRequest(null) : request;
        return visible(caller, id).flatMap(current -> {
            CurrentCaller.requireWithin(caller, current.state().jurisdiction());
            return commands.run(caller, idempotencyKey, Commands.fingerprint(json, "POST", BASE + id + "/launch",
                    body), ifMatch != null, conn -> rounds.launch(conn, id, current.state().jurisdiction(), expected,
                            body.launchedOn() == null ? Commands.today() : body.launchedOn(), Commands.metadata(caller))
                            .map(launched -> CommandResult.ok(launched.version(), Rounds.view(launched))));
        });
    }

    private Uni<AggregateRepository.Loaded<Round.State>> visible(Caller caller, String id) {
        return rounds.load(id).map(loaded -> {
            if (!loaded.exists()) {
                throw new ProblemException(ProblemType.NOT_FOUND, "round not found");
            }
            CurrentCaller.requireVisible(caller, loaded.state().jurisdiction(), "round");
            return loaded;
        });
    }
}
