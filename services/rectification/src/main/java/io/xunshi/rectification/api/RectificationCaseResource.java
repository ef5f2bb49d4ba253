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
import io.xunshi.contracts.rectification.Deduction;
import io.xunshi.contracts.rectification.HeldToAccount;
import io.xunshi.contracts.rectification.SupervisingBody;
import io.xunshi.kernel.aggregate.AggregateRepository;
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
import io.xunshi.rectification.application.EvaluationSettings;
import io.xunshi.rectification.application.LongTermProgressDays;
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
    /** Supervision notes: the liaisons of the discipline organ and the organisation department. */
    private static final Guard<RectificationCase.State> LIAISON = Guard.allow(
            (caller, state) -> CaseAccess.liaison(caller, state.jurisdiction()),
            "only the discipline organ's or the organisation department's liaison covering the inspecting"
                    + " jurisdiction records supervision notes on this case");

    @Inject
    RectificationCases cases;

    @Inject
    CaseDirectory directory;

    @Inject
    CommandPath commands;

    @Inject
    CurrentCaller callers;

    @Inject
    LongTermProgressDays longTermProgressDays;

    @Inject
    EvaluationSettings evaluation;

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
                view());
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
                new RectificationCase.HandOver(request.from(), request.to(), request.toPost(), on), view());
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
                new RectificationCase.SubmitHeadReport(on, request.summary()), view());
    }

    @POST
    @Path("{id}/tasks/{taskId}/progress")
    @RolesAllowed(Role.RECTIFICATION_OWNER)
    @Operation(operationId = "reportProgress", summary = "Report progress on one task of a case",
            description = "The rectifying organisation's side only: rectification-owner covering the organisation's"
                    + " location. Not on a closed task (409 task-already-closed), nor after the evaluation (409"
                    + " case-already-evaluated). Send If-Match"
                    + " with the case's ETag to refuse a stale change (412), Idempotency-Key to make retries safe.")
    @APIResponse(responseCode = "200", description = "The case after the report, with its new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CaseView.class)))
    public Uni<Response> reportProgress(@PathParam("id") String id, @PathParam("taskId") String taskId,
            @Valid @NotNull ReportProgressRequest request, @BeanParam CommandHeaders headers) {
        LocalDate on = Days.notAfterToday("reportedOn", request.reportedOn());
        return commands.execute(cases.aggregate(), id, headers, request, OWNER,
                new RectificationCase.ReportProgress(taskId, on, request.progress()), view());
    }

    @POST
    @Path("{id}/tasks/{taskId}/close")
    @RolesAllowed(Role.RECTIFICATION_OWNER)
    @Operation(operationId = "closeTask", summary = "Close a task off the ledger on evidence (台账销号)",
            description = "The rectifying organisation's side only. At least one piece of evidence; a closed task"
                    + " or an evaluated case answers 409 (task-already-closed, case-already-evaluated); a task closed"
                    + " again after a rejected closure is not dated before the rejection (422 date-before-rejection)."
                    + " If-Match and Idempotency-Key as for"
                    + " progress.")
    @APIResponse(responseCode = "200", description = "The case after the closing, with its new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CaseView.class)))
    public Uni<Response> closeTask(@PathParam("id") String id, @PathParam("taskId") String taskId,
            @Valid @NotNull CloseTaskRequest request, @BeanParam CommandHeaders headers) {
        LocalDate on = Days.notAfterToday("closedOn", request.closedOn());
        return commands.execute(cases.aggregate(), id, headers, request, OWNER,
                new RectificationCase.CloseTask(taskId, on, request.evidence()), view());
    }

    @POST
    @Path("{id}/report")
    @RolesAllowed(Role.RECTIFICATION_OWNER)
    @Operation(operationId = "submitReport", summary = "Submit the rectification report to the inspecting level",
            description = "The rectifying organisation's side only, once per case (409 illegal-state after). Open"
                    + " tasks do not block it: long-term tasks keep running, and from the report on each reports"
                    + " progress every period of the inspecting level (report.longTermProgressDays; tasks[]"
                    + ".nextProgressDue; a late one is on the signal lists as PROGRESS). report.onTime is whether"
                    + " submittedOn is on or before reportDue.")
    @APIResponse(responseCode = "200", description = "The case after the report, with its new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CaseView.class)))
    public Uni<Response> submitReport(@PathParam("id") String id, @Valid @NotNull SubmitReportRequest request,
            @BeanParam CommandHeaders headers) {
        LocalDate on = Days.notAfterToday("submittedOn", request.submittedOn());
        return commands.execute(cases.aggregate(), id, headers, request, OWNER,
                new RectificationCase.SubmitReport(on, request.summary(), longTermProgressDays.levels()), view());
    }

    @POST
    @Path("{id}/tasks/{taskId}/closure-rejection")
    @RolesAllowed(Role.INSPECTION_OFFICE)
    @Operation(operationId = "rejectTaskClosure", summary = "Reject a task's closure off the ledger (销号不予认可)",
            description = "The supervising side only: inspection-office covering the inspecting jurisdiction. The task"
                    + " opens again and is back on the signal lists; the closure's day and evidence stay in the task's"
                    + " rejections with the reason. 409 task-not-closed on an open task, case-already-evaluated after"
                    + " the evaluation; 404 task-not-found; 422 date-before-closure.")
    @APIResponse(responseCode = "200", description = "The case after the rejection, with its new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CaseView.class)))
    public Uni<Response> rejectTaskClosure(@PathParam("id") String id, @PathParam("taskId") String taskId,
            @Valid @NotNull RejectClosureRequest request, @BeanParam CommandHeaders headers) {
        LocalDate on = Days.notAfterToday("rejectedOn", request.rejectedOn());
        return commands.execute(cases.aggregate(), id, headers, request, SUPERVISOR,
                new RectificationCase.RejectClosure(taskId, on, request.reason()), view());
    }

    @POST
    @Path("{id}/supervision-notes")
    @RolesAllowed({ Role.DISCIPLINE_LIAISON, Role.ORGANISATION_LIAISON })
    @Operation(operationId = "recordSupervisionNote", summary = "Record a supervision note on a case (日常监督)",
            description = "The daily supervisors only: discipline-liaison (noted as DISCIPLINE_ORGAN) or"
                    + " organisation-liaison (ORGANISATION_DEPARTMENT) covering the inspecting jurisdiction; a caller"
                    + " with both roles notes as the discipline organ. On the case, or on one task (422 task-unknown);"
                    + " numbered N1, N2, …; not after the evaluation (409 case-already-evaluated).")
    @APIResponse(responseCode = "200", description = "The case with the note, with its new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CaseView.class)))
    public Uni<Response> recordSupervisionNote(@PathParam("id") String id,
            @Valid @NotNull SupervisionNoteRequest request, @BeanParam CommandHeaders headers) {
        LocalDate on = Days.notAfterToday("notedOn", request.notedOn());
        SupervisingBody by = callers.get().hasRole(Role.DISCIPLINE_LIAISON)
                ? SupervisingBody.DISCIPLINE_ORGAN
                : SupervisingBody.ORGANISATION_DEPARTMENT;
        return commands.execute(cases.aggregate(), id, headers, request, LIAISON,
                new RectificationCase.RecordSupervisionNote(by, on, request.taskId(), request.note()), view());
    }

    @POST
    @Path("{id}/consultations")
    @RolesAllowed(Role.INSPECTION_OFFICE)
    @Operation(operationId = "recordConsultation",
            summary = "Record a rectification consultation and its conclusions (整改会商)",
            description = "The inspection office, which convenes it, covering the inspecting jurisdiction. At least"
                    + " two parties (422 parties-too-few), each once (422 party-repeated), and at least one"
                    + " conclusion; numbered C1, C2, …; not after the evaluation (409 case-already-evaluated).")
    @APIResponse(responseCode = "200", description = "The case with the consultation, with its new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CaseView.class)))
    public Uni<Response> recordConsultation(@PathParam("id") String id, @Valid @NotNull ConsultationRequest request,
            @BeanParam CommandHeaders headers) {
        LocalDate on = Days.notAfterToday("heldOn", request.heldOn());
        return commands.execute(cases.aggregate(), id, headers, request, SUPERVISOR,
                new RectificationCase.HoldConsultation(on, request.subject(), request.parties(),
                        request.conclusions()),
                view());
    }

    @POST
    @Path("{id}/evaluation")
    @RolesAllowed(Role.INSPECTION_OFFICE)
    @Operation(operationId = "evaluateRectification", summary = "Evaluate the submitted rectification, scored (整改评估)",
            description = "The supervising side only: inspection-office covering the inspecting jurisdiction. Scored on"
                    + " the inspecting level's model (GET /rectification-evaluation-model): the full marks less the"
                    + " points deducted by criterion give the score, the score the grade, the grade the outcome."
                    + " 422 criterion-unknown, criterion-repeated, deduction-exceeds-weight. Only after both reports"
                    + " and only once (409 report-not-submitted, head-report-not-submitted, case-already-evaluated);"
                    + " an effective grade needs every task closed (409 tasks-still-open). Not effective publishes the"
                    + " organisation as a look-back candidate (LookBackCandidatePublished).")
    @APIResponse(responseCode = "200", description = "The evaluated case, with its new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CaseView.class)))
    public Uni<Response> evaluateRectification(@PathParam("id") String id,
            @Valid @NotNull EvaluateRectificationRequest request, @BeanParam CommandHeaders headers) {
        LocalDate on = Days.notAfterToday("evaluatedOn", request.evaluatedOn());
        List<Deduction> deductions = request.deductions().stream()
                .map(d -> new Deduction(d.criterion(), d.points(), d.reason())).toList();
        return commands.execute(cases.aggregate(), id, headers, request, SUPERVISOR,
                new RectificationCase.Evaluate(evaluation.models(), deductions, on, request.remarks()), view());
    }

    @POST
    @Path("{id}/accountability")
    @RolesAllowed(Role.INSPECTION_OFFICE)
    @Operation(operationId = "referForAccountability",
            summary = "Record who is held to account, and hand it to the discipline organ (整改问责)",
            description = "The supervising side only, after an evaluation judged the rectification not effective (409"
                    + " rectification-not-judged-ineffective), not dated before it (422 date-before-evaluation). Each"
                    + " person is someone the case made responsible — a first responsible person or a task's owner,"
                    + " now or before (422 person-not-responsible), named once (422 person-repeated). The discipline"
                    + " organ's liaison of the inspecting jurisdiction reads it on the case; numbered A1, A2, ….")
    @APIResponse(responseCode = "200", description = "The case with the referral, with its new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CaseView.class)))
    public Uni<Response> referForAccountability(@PathParam("id") String id,
            @Valid @NotNull AccountabilityRequest request, @BeanParam CommandHeaders headers) {
        LocalDate on = Days.notAfterToday("referredOn", request.referredOn());
        List<HeldToAccount> persons = request.persons().stream()
                .map(p -> new HeldToAccount(p.name(), p.post(), p.measure())).toList();
        return commands.execute(cases.aggregate(), id, headers, request, SUPERVISOR,
                new RectificationCase.ReferForAccountability(on, request.ground(), request.description(), persons),
                view());
    }

    @POST
    @Path("{id}/public-view")
    @RolesAllowed(Role.INSPECTION_OFFICE)
    @Operation(operationId = "publishPublicView", summary = "Publish the case's public view (Art. 32)",
            description = "The supervising side only, after the report (409 report-not-submitted), not dated before it"
                    + " (422 date-before-report). The public view discloses the organisation, the feedback day, the"
                    + " problems not withheld (422 withheld-finding-unknown) with whether each is rectified, the task"
                    + " counts, the report day, the grade and outcome once evaluated, and the office's summary —"
                    + " nothing else: no owners, evidence, progress, supervision, consultations, accountability or"
                    + " remarks. Publishing again replaces it; it may follow the evaluation.")
    @APIResponse(responseCode = "200", description = "The case with its public view, with its new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CaseView.class)))
    public Uni<Response> publishPublicView(@PathParam("id") String id,
            @Valid @NotNull PublishPublicViewRequest request, @BeanParam CommandHeaders headers) {
        LocalDate on = Days.notAfterToday("publishedOn", request.publishedOn());
        return commands.execute(cases.aggregate(), id, headers, request, SUPERVISOR,
                new RectificationCase.PublishPublicView(on, request.summary(), request.withheldFindings()), view());
    }

    @GET
    @Path("{id}/public-view")
    @RolesAllowed({ Role.INSPECTION_OFFICE, Role.TEAM_LEADER, Role.TEAM_MEMBER, Role.RECTIFICATION_OWNER,
            Role.DISCIPLINE_LIAISON, Role.ORGANISATION_LIAISON, Role.AUDITOR, Role.PUBLIC })
    @Operation(operationId = "getPublicView", summary = "Read a case's published public view",
            description = "For every caller, public included, once the inspection office published it; before that,"
                    + " 404 like an unknown id. Only what the public view discloses; its ETag is the case's version.")
    @APIResponse(responseCode = "200", description = "The public view as last published",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PublicCaseView.class)))
    @Extension(name = OpenApiConventions.ETAG_EXTENSION, value = "true")
    public Uni<Response> getPublicView(@PathParam("id") String id) {
        return commands.read(cases.published(), id, loaded -> PublicCaseView.of(loaded.state().oversight()
                .publicView()));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Role.INSPECTION_OFFICE, Role.TEAM_LEADER, Role.TEAM_MEMBER, Role.RECTIFICATION_OWNER,
            Role.DISCIPLINE_LIAISON, Role.ORGANISATION_LIAISON, Role.AUDITOR, Role.PUBLIC })
    @Operation(operationId = "getCase", summary = "Read one rectification case; its ETag is its version",
            description = "Readable by the rectifying side (rectification-owner covering the organisation's"
                    + " location), the supervising side (inspection-office covering the inspecting jurisdiction),"
                    + " auditors and the daily supervisors (discipline-liaison, organisation-liaison) covering the"
                    + " inspecting jurisdiction; to anyone else it answers 404, like an unknown id (a public caller"
                    + " reads the public view instead). The accountability referrals are shown to the supervising"
                    + " side, auditors and liaisons only, not to the rectifying side. Read from the case's own events,"
                    + " so it shows every command at once.")
    @APIResponse(responseCode = "200", description = "The case",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CaseView.class)))
    @Extension(name = OpenApiConventions.ETAG_EXTENSION, value = "true")
    public Uni<Response> getCase(@PathParam("id") String id) {
        Caller caller = callers.get();
        return commands.read(cases.aggregate(), id, loaded -> view(loaded, caller));
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

    /**
     * Every command answers the case as it is after it, as the caller may see it. The caller is taken when the request
     * arrives, not in the pipeline, where the security identity is no longer at hand on the event loop.
     */
    private Answer<RectificationCase.State> view() {
        Caller caller = callers.get();
        return Answer.ok(loaded -> view(loaded, caller));
    }

    /** The case as the caller sees it: accountability only on the supervising side (CaseAccess#seesAccountability). */
    private static CaseView view(AggregateRepository.Loaded<RectificationCase.State> loaded, Caller caller) {
        return CaseView.of(loaded, CaseAccess.today(), CaseAccess.seesAccountability(caller,
                loaded.state().jurisdiction()));
    }

    /** The shape of a page of cases, for the API document. */
    @Schema(name = "CasePage")
    public record CasePage(List<CaseSummary> items, String next) {
    }
}
