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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;
import io.xunshi.kernel.api.Cursor;
import io.xunshi.kernel.api.Page;
import io.xunshi.kernel.api.QueryValues;
import io.xunshi.kernel.security.Caller;
import io.xunshi.kernel.security.CurrentCaller;
import io.xunshi.kernel.security.Role;
import io.xunshi.rectification.application.CaseAccess;
import io.xunshi.rectification.application.Signals;

/** The escalation lists of rectification: what turned yellow or red across a jurisdiction's subtree. */
@Path("/rectification-signals")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Rectification cases")
public class RectificationSignalResource {

    @Inject
    Signals signals;

    @Inject
    CurrentCaller callers;

    @GET
    @RolesAllowed({ Role.INSPECTION_OFFICE, Role.DISCIPLINE_LIAISON, Role.RECTIFICATION_OWNER, Role.AUDITOR })
    @Operation(operationId = "listSignals",
            summary = "List the tasks and reports that turned yellow or red (红黄灯预警), soonest due first",
            description = "Open tasks with a due date (kind TASK), long-term tasks' next progress reports from the"
                    + " rectification report on (PROGRESS) and the two reports (REPORT, HEAD_REPORT) of the cases of the"
                    + " jurisdiction's subtree: yellow within the level's warning days of the due date"
                    + " (xunshi.rectification.warning-days), red after it; green ones are not listed. Red escalates to"
                    + " the inspection office and the discipline liaison, who sees red only; auditors see both; an owner"
                    + " sees their own organisation's. Served from a read model that follows the case events within"
                    + " about a second. A jurisdiction outside the caller's subtree answers 403.")
    @APIResponse(responseCode = "200",
            description = "One page of what is due; next is the cursor of the following page",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SignalPage.class)))
    public Uni<Page<Signals.DueItem>> listSignals(
            @Parameter(
                    description = "Only this jurisdiction's subtree (default: the caller's)") @QueryParam("jurisdiction") String jurisdiction,
            @Parameter(description = "Only this light; both when absent",
                    schema = @Schema(type = SchemaType.STRING, enumeration = { "YELLOW",
                            "RED" })) @QueryParam("light") String light,
            @Parameter(description = "The next cursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 200 (default 50)") @QueryParam("limit") Integer limit) {
        Caller caller = callers.get();
        String scope = jurisdiction == null ? caller.jurisdiction() : jurisdiction;
        CurrentCaller.requireWithin(caller, scope);
        return signals.list(caller, scope, QueryValues.oneOf(Signals.Light.class, "light", light), CaseAccess.today(),
                cursor, Cursor.limit(limit));
    }

    /** The shape of a page of due items, for the API document. */
    @Schema(name = "SignalPage")
    public record SignalPage(List<Signals.DueItem> items, String next) {
    }
}
