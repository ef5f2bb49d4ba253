package io.xunshi.rectification.api;

import java.time.LocalDate;
import java.util.List;

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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;
import io.xunshi.kernel.api.Cursor;
import io.xunshi.kernel.api.Days;
import io.xunshi.kernel.api.OpenApiConventions;
import io.xunshi.kernel.api.Page;
import io.xunshi.kernel.api.QueryValues;
import io.xunshi.kernel.command.Answer;
import io.xunshi.kernel.command.CommandHeaders;
import io.xunshi.kernel.command.CommandPath;
import io.xunshi.kernel.command.Guard;
import io.xunshi.kernel.security.Caller;
import io.xunshi.kernel.security.CurrentCaller;
import io.xunshi.kernel.security.Role;
import io.xunshi.rectification.application.CaseAccess;
import io.xunshi.rectification.application.CaseDirectory;
import io.xunshi.rectification.application.CaseSummary;
import io.xunshi.rectification.application.RectificationCases;
import io.xunshi.rectification.domain.RectificationCase;

/**
 * Rectification cases, which feedback opens: the organisation reports progress, closes tasks on evidence
 * and submits its report; the inspecting level's office evaluates it. Who may do what:
 * {@link CaseAccess} and docs/adr/0009-rectification-cases.md.
 */
@Path("/rectification-cases")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Rectification cases")
public class RectificationCaseResource {

    /** Progress, closures and the report: the rectifying organisation's side only. */
    private static final Guard<RectificationCase.State> OWNER = Guard.allow(
            (caller, state) -> CaseAccess.owner(caller, state.organisationId(), state.organisationLocation()),
            "only the rectifying organisation's side acts on this case");
    /** The evaluation: the inspection office of the inspecting jurisdiction or above. */
    private static final Guard<RectificationCase.State> SUPERVISOR = Guard.allow(
            (caller, state) -> CaseAccess.supervisor(caller, state.jurisdiction()),
            "only the inspection office of the inspecting jurisdiction or above evaluates this case");
    /** Every command answers the case as it is after it. */
    private static final Answer<RectificationCase.State> VIEW = Answer.ok(loaded -> CaseView.of(loaded,
            CaseAccess.today()));

    @Inject
    RectificationCases cases;

    @Inject
    CaseDirectory directory;

    @Inject
    CommandPath commands;

    @Inject
    CurrentCaller callers;

    @POST
    @Path("{id}/plan")
    @RolesAllowed(Role.RECTIFICATION_OWNER)
    @Operation(operationId = "filePlan",
            summary = "File the rectification plan: the problem, task and responsibility lists (整改方案)",
            description = "The rectifying organisation's side only, once (409 plan-already-filed), before the report"
                    + " and before any progress on the case's first tasks (409 plan-too-late). Every problem fed back"
                    + " is worked on by at least one task (422 problem-without-task) and every task by a problem fed"
                    + " back (422 problem-unknown); IMMEDIATE and DEADLINE tasks name a due date (422"
                    + " due-date-required), LONG_TERM ones none (422 due-date-not-for-long-term), none before the plan"
                    + " (422 due-before-plan). The plan's tasks, numbered T1, T2, …, replace the first tasks.")
    @APIResponse(responseCode = "200", description = "The case with its plan, with its new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CaseView.class)))
    public Uni<Response> filePlan(@PathParam("id") String id, @Valid @NotNull FilePlanRequest request,
            @BeanParam CommandHeaders headers) {
        LocalDate on = Days.notAfterToday("filedOn", request.filedOn());
        return commands.execute(cases.aggregate(), id, headers, request, OWNER, new RectificationCase.FilePlan(on,
                request.tasks().stream().map(t -> new RectificationCase.PlanTask(t.findingId(), t.description(),
                        t.tier(), t.dueOn(), t.owner(), t.ownerPost())).toList()),
                VIEW);
    }

    @POST
    @Path("{id}/handovers")
    @RolesAllowed(Role.RECTIFICATION_OWNER)
    @Operation(operationId = "handOverResponsibility",
            summary = "Hand an owner's open tasks over to their successor (整改责任交接)",
            description = "The rectifying organisation's side only, when the head or an owner changes post: every open"
                    + " task of the outgoing owner passes to the successor, and the first responsibility too when the"
                    + " head changes; closed tasks stay with whoever closed them, and each task's owners keep who"
                    + " owned it when. 422 owner-unknown when nobody of that name owns an open task or is first"
                    + " responsible, same-owner, handover-before-ownership.")
    @APIResponse(responseCode = "200", description = "The case after the handover, with its new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CaseView.class)))
    public Uni<Response> handOverResponsibility(@PathParam("id") String id, @Valid @NotNull HandOverRequest request,
            @BeanParam CommandHeaders headers) {
        LocalDate on = Days.notAfterToday("handedOverOn", request.handedOverOn());
        return commands.execute(cases.aggregate(), id, headers, request, OWNER,
                new RectificationCase.HandOver(request.from(), request.to(), request.toPost(), on), VIEW);
    }

    @POST
    @Path("{id}/head-report")
    @RolesAllowed(Role.RECTIFICATION_OWNER)
    @Operation(operationId = "submitHeadReport",
            summary = "Submit the principal leader's report on organising the rectification (Art. 27)",
            description = "The rectifying organisation's side only, once (409 head-report-already-submitted); due at"
                    + " the same deadline as the rectification report (headReport.onTime). The evaluation waits for"
                    + " both reports.")
    @APIResponse(responseCode = "200", description = "The case after the report, with its new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CaseView.class)))
    public Uni<Response> submitHeadReport(@PathParam("id") String id, @Valid @NotNull HeadReportRequest request,
            @BeanParam CommandHeaders headers) {
        LocalDate on = Days.notAfterToday("submittedOn", request.submittedOn());
        return commands.execute(cases.aggregate(), id, headers, request, OWNER,
                new RectificationCase.SubmitHeadReport(on, request.summary()), VIEW);
    }

    @POST
    @Path("{id}/tasks/{taskId}/progress")
    @RolesAllowed(Role.RECTIFICATION_OWNER)
    @Operation(operationId = "reportProgress", summary = "Report progress on one task of a case",
            description = "The rectifying organisation's side only: rectification-owner covering the organisation's"
                    + " location. Not on a closed task, nor after the evaluation (409 illegal-state). Send If-Match"
                    + " with the case's ETag to refuse a stale change (412), Idempotency-Key to make retries safe.")
    @APIResponse(responseCode = "200", description = "The case after the report, with its new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CaseView.class)))
    public Uni<Response> reportProgress(@PathParam("id") String id, @PathParam("taskId") String taskId,
            @Valid @NotNull ReportProgressRequest request, @BeanParam CommandHeaders headers) {
        LocalDate on = Days.notAfterToday("reportedOn", request.reportedOn());
        return commands.execute(cases.aggregate(), id, headers, request, OWNER,
                new RectificationCase.ReportProgress(taskId, on, request.progress()), VIEW);
    }

    @POST
    @Path("{id}/tasks/{taskId}/close")
    @RolesAllowed(Role.RECTIFICATION_OWNER)
    @Operation(operationId = "closeTask", summary = "Close a task off the ledger on evidence (台账销号)",
            description = "The rectifying organisation's side only. At least one piece of evidence; a closed task"
                    + " or an evaluated case answers 409 illegal-state. If-Match and Idempotency-Key as for"
                    + " progress.")
    @APIResponse(responseCode = "200", description = "The case after the closing, with its new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CaseView.class)))
    public Uni<Response> closeTask(@PathParam("id") String id, @PathParam("taskId") String taskId,
            @Valid @NotNull CloseTaskRequest request, @BeanParam CommandHeaders headers) {
        LocalDate on = Days.notAfterToday("closedOn", request.closedOn());
        return commands.execute(cases.aggregate(), id, headers, request, OWNER,
                new RectificationCase.CloseTask(taskId, on, request.evidence()), VIEW);
    }

    @POST
    @Path("{id}/report")
    @RolesAllowed(Role.RECTIFICATION_OWNER)
    @Operation(operationId = "submitReport", summary = "Submit the rectification report to the inspecting level",
            description = "The rectifying organisation's side only, once per case (409 illegal-state after). Open"
                    + " tasks do not block it: long-term tasks keep running and reporting progress after the report."
                    + " report.onTime is whether submittedOn is on or before reportDue.")
    @APIResponse(responseCode = "200", description = "The case after the report, with its new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CaseView.class)))
    public Uni<Response> submitReport(@PathParam("id") String id, @Valid @NotNull SubmitReportRequest request,
            @BeanParam CommandHeaders headers) {
        LocalDate on = Days.notAfterToday("submittedOn", request.submittedOn());
        return commands.execute(cases.aggregate(), id, headers, request, OWNER,
                new RectificationCase.SubmitReport(on, request.summary()), VIEW);
    }

    @POST
    @Path("{id}/evaluation")
    @RolesAllowed(Role.INSPECTION_OFFICE)
    @Operation(operationId = "evaluateRectification", summary = "Evaluate the submitted rectification (整改评估)",
            description = "The supervising side only: inspection-office covering the inspecting jurisdiction. Only"
                    + " after both reports and only once (409 illegal-state with code report-not-submitted,"
                    + " head-report-not-submitted or case-already-evaluated); EFFECTIVE needs every task closed (409,"
                    + " code tasks-still-open).")
    @APIResponse(responseCode = "200", description = "The evaluated case, with its new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CaseView.class)))
    public Uni<Response> evaluateRectification(@PathParam("id") String id,
            @Valid @NotNull EvaluateRectificationRequest request, @BeanParam CommandHeaders headers) {
        LocalDate on = Days.notAfterToday("evaluatedOn", request.evaluatedOn());
        return commands.execute(cases.aggregate(), id, headers, request, SUPERVISOR,
                new RectificationCase.Evaluate(request.outcome(), on, request.remarks()), VIEW);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Role.INSPECTION_OFFICE, Role.TEAM_LEADER, Role.TEAM_MEMBER, Role.RECTIFICATION_OWNER,
            Role.DISCIPLINE_LIAISON, Role.ORGANISATION_LIAISON, Role.AUDITOR, Role.PUBLIC })
    @Operation(operationId = "getCase", summary = "Read one rectification case; its ETag is its version",
            description = "Readable by the rectifying side (rectification-owner covering the organisation's"
                    + " location), the supervising side (inspection-office covering the inspecting jurisdiction) and"
                    + " auditors covering the inspecting jurisdiction; to anyone else it answers 404, like an unknown"
                    + " id. Read from the case's own events, so it shows every command at once.")
    @APIResponse(responseCode = "200", description = "The case",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CaseView.class)))
    @Extension(name = OpenApiConventions.ETAG_EXTENSION, value = "true")
    public Uni<Response> getCase(@PathParam("id") String id) {
        return commands.read(cases.aggregate(), id, loaded -> CaseView.of(loaded, CaseAccess.today()));
    }

    @GET
    @RolesAllowed({ Role.INSPECTION_OFFICE, Role.TEAM_LEADER, Role.TEAM_MEMBER, Role.RECTIFICATION_OWNER,
            Role.DISCIPLINE_LIAISON, Role.ORGANISATION_LIAISON, Role.AUDITOR, Role.PUBLIC })
    @Operation(operationId = "listCases",
            summary = "List the cases the caller may read, in the order they were opened, a page at a time",
            description = "Filter by inspectionId to find the case an inspection's feedback opened. Served from a"
                    + " read model that follows the case events within about a second (projection poll interval);"
                    + " a caller who may read no case gets an empty list. Pass the previous page's next cursor to"
                    + " read on.")
    @APIResponse(responseCode = "200", description = "One page of cases",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CasePage.class)))
    public Uni<Page<CaseSummary>> listCases(
            @Parameter(
                    description = "Only the case opened by this inspection's feedback") @QueryParam("inspectionId") String inspectionId,
            @Parameter(description = "Only cases in this status",
                    schema = @Schema(type = SchemaType.STRING, enumeration = { "OPEN",
                            "REPORT_SUBMITTED", "EVALUATED" })) @QueryParam("status") String status,
            @Parameter(description = "The next cursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 200 (default 50)") @QueryParam("limit") Integer limit) {
        Caller caller = callers.get();
        return directory.list(caller, new CaseDirectory.Filter(QueryValues.text(inspectionId),
                QueryValues.oneOf(RectificationCase.Status.class, "status", status)), cursor,
                Cursor.limit(limit));
    }

    /** The shape of a page of cases, for the API document. */
    @Schema(name = "CasePage")
    public record CasePage(List<CaseSummary> items, String next) {
    }
}
