package io.xunshi.rectification.api;

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
import io.xunshi.kernel.domain.Jurisdictions;
import io.xunshi.kernel.security.CurrentCaller;
import io.xunshi.kernel.security.Role;
import io.xunshi.rectification.application.PublicViews;

/** The published public views of rectification (Art. 32): public information, for every caller. */
@Path("/public-rectification-views")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Rectification cases")
public class PublicViewResource {

    @Inject
    PublicViews views;

    @Inject
    CurrentCaller callers;

    @GET
    @RolesAllowed({ Role.INSPECTION_OFFICE, Role.TEAM_LEADER, Role.TEAM_MEMBER, Role.RECTIFICATION_OWNER,
            Role.DISCIPLINE_LIAISON, Role.ORGANISATION_LIAISON, Role.AUDITOR, Role.PUBLIC })
    @Operation(operationId = "listPublicViews",
            summary = "List the published public views of rectification, the latest publication first",
            description = "Every caller, public included, of any jurisdiction: what the inspection offices published"
                    + " and nothing more. Served from a read model that follows the publications within about a"
                    + " second. Pass the previous page's next cursor to read on.")
    @APIResponse(responseCode = "200", description = "One page of public views",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PublicViewPage.class)))
    public Uni<Page<PublicCaseView>> listPublicViews(
            @Parameter(description = "Only the cases inspected by this jurisdiction's subtree (default: the whole"
                    + " country)") @QueryParam("jurisdiction") String jurisdiction,
            @Parameter(description = "The next cursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 200 (default 50)") @QueryParam("limit") Integer limit) {
        // The caller's token is checked (its jurisdiction claim) even though public views are for everyone.
        callers.get();
        String scope = jurisdiction == null ? Jurisdictions.CENTRE : jurisdiction;
        Patterns.jurisdiction("jurisdiction", scope);
        return views.list(scope, cursor, Cursor.limit(limit)).map(page -> new Page<>(
                page.items().stream().map(PublicCaseView::of).toList(), page.next()));
    }

    /** The shape of a page of public views, for the API document. */
    @Schema(name = "PublicViewPage")
    public record PublicViewPage(List<PublicCaseView> items, String next) {
    }
}
