package io.xunshi.inspection.api;

import java.util.List;
import java.util.UUID;

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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;
import io.xunshi.inspection.application.ClueDirectory;
import io.xunshi.inspection.application.ClueSummary;
import io.xunshi.inspection.application.Clues;
import io.xunshi.inspection.domain.Clue;
import io.xunshi.kernel.api.Cursor;
import io.xunshi.kernel.api.Days;
import io.xunshi.kernel.api.OpenApiConventions;
import io.xunshi.kernel.api.Page;
import io.xunshi.kernel.api.QueryValues;
import io.xunshi.kernel.command.Answer;
import io.xunshi.kernel.command.CommandHeaders;
import io.xunshi.kernel.command.CommandPath;
import io.xunshi.kernel.command.CreationHeaders;
import io.xunshi.kernel.security.Caller;
import io.xunshi.kernel.security.CurrentCaller;
import io.xunshi.kernel.security.Role;

/**
 * Problem clues (问题线索) handed over by inspections, and their three-month loop: the receiver acknowledges and reports
 * back its disposition; open clues past their due date are overdue. Confidential: clue officers see every clue in
 * their subtree, a liaison of the discipline organ or the organisation department only those that went to it.
 */
@Path("/clues")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Clues")
public class ClueResource {

    private static final String BASE = "/api/v1/clues/";
    private static final Answer<Clue.State> VIEW = Answer.ok(ClueView::of);

    @Inject
    Clues clues;

    @Inject
    ClueDirectory directory;

    @Inject
    CommandPath commands;

    @Inject
    CurrentCaller callers;

    @POST
    @RolesAllowed({ Role.CLUE_OFFICER, Role.TEAM_LEADER })
    @Operation(operationId = "handOverClue",
            summary = "Hand a problem clue over by its classified disposition (Art. 28)",
            description = "Once the inspection is stationed (409 inspection-not-stationed before); the receiver follows"
                    + " from the category, OTHER names the receiving unit (422 receiver-unit-missing). The disposition"
                    + " is due after xunshi.inspection.clue-due-months.<level> months (3 by default, Art. 29). Every"
                    + " petition named must be one of the inspection's (422 petition-unknown). Clue officers, and the"
                    + " leader or a deputy leader of the inspection's own team (403 for another team's); an inspection"
                    + " outside the caller's subtree answers 404.")
    @APIResponse(responseCode = "201", description = "The clue handed over, with its Location and ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ClueView.class)))
    @APIResponse(responseCode = "404",
            description = "An inspection the request names does not exist, or lies outside the caller's subtree")
    public Uni<Response> handOver(@Valid @NotNull HandOverClueRequest request, @BeanParam CreationHeaders headers) {
        String id = UUID.randomUUID().toString();
        return commands.run(headers, request, clues.handingOver(id, request.inspectionId(), request.category(),
                request.receiverUnit(), request.summary(), request.concerns(),
                request.petitionIds() == null ? List.of() : request.petitionIds(),
                Days.orToday(request.handedOverOn())), Answer.created(handedOver -> BASE + id, ClueView::of));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Role.CLUE_OFFICER, Role.DISCIPLINE_LIAISON, Role.ORGANISATION_LIAISON })
    @Operation(operationId = "getClue", summary = "Read one problem clue; its ETag is its version",
            description = "Clue officers; the discipline organ's liaison for the clues that went to it, the organisation"
                    + " department's for theirs. Any other clue, or one outside the caller's subtree, answers 404.")
    @APIResponse(responseCode = "200", description = "The clue, with its version as ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ClueView.class)))
    @Extension(name = OpenApiConventions.ETAG_EXTENSION, value = "true")
    public Uni<Response> get(@PathParam("id") String id) {
        return commands.read(clues.aggregate(), id, ClueView::of);
    }

    @POST
    @Path("{id}/acknowledgement")
    @RolesAllowed({ Role.CLUE_OFFICER, Role.DISCIPLINE_LIAISON, Role.ORGANISATION_LIAISON })
    @Operation(operationId = "acknowledgeClue", summary = "Acknowledge receipt of a problem clue",
            description = "Once (409 clue-already-acknowledged). The liaison of the receiver it went to, or a clue"
                    + " officer on behalf of a relevant unit; the acknowledgement names the caller.")
    @APIResponse(responseCode = "200", description = "The clue acknowledged, with its new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ClueView.class)))
    public Uni<Response> acknowledge(@PathParam("id") String id, @Valid AcknowledgeClueRequest request,
            @BeanParam CommandHeaders headers) {
        return commands.execute(clues.aggregate(), id, headers, request, new Clue.Acknowledge(
                callers.get().subject(), Days.orToday(request == null ? null : request.acknowledgedOn())), VIEW);
    }

    @POST
    @Path("{id}/disposition")
    @RolesAllowed({ Role.CLUE_OFFICER, Role.DISCIPLINE_LIAISON, Role.ORGANISATION_LIAISON })
    @Operation(operationId = "reportClueDisposition",
            summary = "Report back how a problem clue was disposed of (Art. 29); the loop is closed",
            description = "Once (409 clue-already-disposed); late when after the due date; a disposition reported"
                    + " without an acknowledgement acknowledges the receipt with it. The liaison of the receiver it went"
                    + " to, or a clue officer on behalf of a relevant unit.")
    @APIResponse(responseCode = "200", description = "The clue disposed of, with its new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ClueView.class)))
    public Uni<Response> dispose(@PathParam("id") String id, @Valid @NotNull DisposeClueRequest request,
            @BeanParam CommandHeaders headers) {
        return commands.execute(clues.aggregate(), id, headers, request, new Clue.Dispose(request.disposition(),
                request.summary(), callers.get().subject(), Days.orToday(request.disposedOn())), VIEW);
    }

    @GET
    @RolesAllowed({ Role.CLUE_OFFICER, Role.DISCIPLINE_LIAISON, Role.ORGANISATION_LIAISON })
    @Operation(operationId = "listClues",
            summary = "List problem clues in the order they were handed over, a page at a time, within the caller's jurisdiction",
            description = "Served from a read model that follows the store within about a second. overdue=true lists the"
                    + " clues open past their due date today (Asia/Shanghai) across the subtree: the office's alert"
                    + " list. A liaison lists only the clues that went to its receiver. A jurisdiction outside the"
                    + " caller's subtree answers 403.")
    @APIResponse(responseCode = "200",
            description = "One page of clues; next is the cursor of the following page, absent on the last")
    public Uni<Page<ClueSummary>> list(
            @Parameter(
                    description = "Only clues of this jurisdiction's subtree (default: the caller's)") @QueryParam("jurisdiction") String jurisdiction,
            @Parameter(
                    description = "Only the clues of this inspection") @QueryParam("inspectionId") String inspectionId,
            @Parameter(
                    description = "Only clues in this status: HANDED_OVER, ACKNOWLEDGED or DISPOSED") @QueryParam("status") String status,
            @Parameter(description = "Only the clues open past their due date") @QueryParam("overdue") Boolean overdue,
            @Parameter(description = "The next cursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 200 (default 50)") @QueryParam("limit") Integer limit) {
        Caller caller = callers.get();
        String scope = jurisdiction == null ? caller.jurisdiction() : jurisdiction;
        CurrentCaller.requireWithin(caller, scope);
        return directory.list(new ClueDirectory.Filter(scope, Clues.receivers(caller), QueryValues.text(inspectionId),
                QueryValues.oneOf(Clue.ClueStatus.class, "status", status), Boolean.TRUE.equals(overdue),
                Days.orToday(null)), cursor, Cursor.limit(limit));
    }
}
