package io.xunshi.planning.api;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;
import io.xunshi.kernel.api.Cursor;
import io.xunshi.kernel.api.Page;
import io.xunshi.kernel.security.Caller;
import io.xunshi.kernel.security.CurrentCaller;
import io.xunshi.kernel.security.Role;
import io.xunshi.planning.application.RoundView;
import io.xunshi.planning.application.Rounds;

/** The rounds' work plans filed with a level by the levels below it (报备). */
@Path("/round-filings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Rounds")
public class RoundFilingResource {

    @Inject
    Rounds rounds;

    @Inject
    CurrentCaller callers;

    @GET
    @RolesAllowed({ Role.INSPECTION_OFFICE, Role.AUDITOR })
    @Operation(operationId = "listRoundFilings",
            summary = "The rounds whose work plans were filed with a jurisdiction, the latest filing first",
            description = "What the levels directly below run, as they filed it (GET /rounds/{id} for the round"
                    + " itself). A jurisdiction outside the caller's subtree answers 403. Pass the previous page's"
                    + " next cursor to read on.")
    @APIResponse(responseCode = "200", description = "One page of filed rounds",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RoundFilingPage.class)))
    public Uni<Page<RoundView>> listRoundFilings(
            @Parameter(
                    description = "The jurisdiction filed with (default: the caller's)") @QueryParam("filedWith") String filedWith,
            @Parameter(description = "The next cursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 200 (default 50)") @QueryParam("limit") Integer limit) {
        Caller caller = callers.get();
        String scope = filedWith == null ? caller.jurisdiction() : filedWith;
        Patterns.jurisdiction("filedWith", scope);
        CurrentCaller.requireWithin(caller, scope);
        return rounds.filedWith(scope, cursor, Cursor.limit(limit));
    }

    /** The shape of a page of filed rounds, for the API document. */
    @Schema(name = "RoundFilingPage")
    public record RoundFilingPage(List<RoundView> items, String next) {
    }
}
