package io.xunshi.rectification.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.xunshi.kernel.aggregate.AggregateRepository;
import io.xunshi.kernel.api.CommandResult;
import io.xunshi.kernel.api.Cursor;
import io.xunshi.kernel.api.ETags;
import io.xunshi.kernel.api.IdempotentCommands;
import io.xunshi.kernel.api.OpenApiConventions;
import io.xunshi.kernel.api.Page;
import io.xunshi.kernel.api.Problem;
import io.xunshi.kernel.api.ProblemException;
import io.xunshi.kernel.api.ProblemType;
import io.xunshi.kernel.domain.DomainRejection;
import io.xunshi.kernel.eventstore.EventMetadata;
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

    private static final String BASE = "/api/v1/rectification-cases/";
    /** Rejections that say the request itself cannot be right, whatever the case's state: 422. */
    private static final Set<String> UNPROCESSABLE = Set.of(RectificationCase.DATE_BEFORE_FEEDBACK,
            RectificationCase.DATE_BEFORE_REPORT, RectificationCase.EVIDENCE_REQUIRED);

    @Inject
    RectificationCases cases;

    @Inject
    CaseDirectory directory;

    @Inject
    IdempotentCommands commands;

    @Inject
    CurrentCaller callers;

    @Inject
    ObjectMapper json;

    @POST
    @Path("{id}/tasks/{taskId}/progress")
    @RolesAllowed(Role.RECTIFICATION_OWNER)
    @Operation(operationId = "reportProgress", summary = "Report progress on one task of a case",
            description = "The rectifying organisation's side only: rectification-owner covering the organisation's"
                    + " location. Not on a closed task, nor after the evaluation (409 illegal-state). Send If-Match"
                    + " with the case's ETag to refuse a stale change (412), Idempotency-Key to make retries safe.")
    @APIResponse(responseCode = "200", description = "The case after the report, with its new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseView.class)))
    public Uni<Response> reportProgress(@PathParam("id") String id, @PathParam("taskId") String taskId,
            @Valid @NotNull ReportProgressRequest request, @HeaderParam("If-Match") String ifMatch,
            @Parameter(description = "Makes a retry return the first result instead of reporting twice")
            @HeaderParam(IdempotentCommands.HEADER) String idempotencyKey) {
        Caller caller = callers.get();
        int expected = ETags.expectedVersion(ifMatch);
        LocalDate on = day("reportedOn", request.reportedOn());
        return owned(caller, id).flatMap(current -> {
            requireTask(current.state(), taskId);
            return run(caller, idempotencyKey, id + "/tasks/" + taskId + "/progress", request, ifMatch,
                    conn -> cases.handle(conn, id, current.state().jurisdiction(), expected,
                            new RectificationCase.ReportProgress(taskId, on, request.progress()), metadata(caller)));
        });
    }

    @POST
    @Path("{id}/tasks/{taskId}/close")
    @RolesAllowed(Role.RECTIFICATION_OWNER)
    @Operation(operationId = "closeTask", summary = "Close a task off the ledger on evidence (台账销号)",
            description = "The rectifying organisation's side only. At least one piece of evidence; a closed task"
                    + " or an evaluated case answers 409 illegal-state. If-Match and Idempotency-Key as for"
                    + " progress.")
    @APIResponse(responseCode = "200", description = "The case after the closing, with its new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseView.class)))
    public Uni<Response> closeTask(@PathParam("id") String id, @PathParam("taskId") String taskId,
            @Valid @NotNull CloseTaskRequest request, @HeaderParam("If-Match") String ifMatch,
            @Parameter(description = "Makes a retry return the first result instead of closing twice")
            @HeaderParam(IdempotentCommands.HEADER) String idempotencyKey) {
        Caller caller = callers.get();
        int expected = ETags.expectedVersion(ifMatch);
        LocalDate on = day("closedOn", request.closedOn());
        return owned(caller, id).flatMap(current -> {
            requireTask(current.state(), taskId);
            return run(caller, idempotencyKey, id + "/tasks/" + taskId + "/close", request, ifMatch,
                    conn -> cases.handle(conn, id, current.state().jurisdiction(), expected,
                            new RectificationCase.CloseTask(taskId, on, request.evidence()), metadata(caller)));
        });
    }

    @POST
    @Path("{id}/report")
    @RolesAllowed(Role.RECTIFICATION_OWNER)
    @Operation(operationId = "submitReport", summary = "Submit the rectification report to the inspecting level",
            description = "The rectifying organisation's side only, once per case (409 illegal-state after). Open"
                    + " tasks do not block it: long-term tasks keep running and reporting progress after the report."
                    + " report.onTime is whether submittedOn is on or before reportDue.")
    @APIResponse(responseCode = "200", description = "The case after the report, with its new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseView.class)))
    public Uni<Response> submitReport(@PathParam("id") String id, @Valid @NotNull SubmitReportRequest request,
            @HeaderParam("If-Match") String ifMatch,
            @Parameter(description = "Makes a retry return the first result instead of submitting twice")
            @HeaderParam(IdempotentCommands.HEADER) String idempotencyKey) {
        Caller caller = callers.get();
        int expected = ETags.expectedVersion(ifMatch);
        LocalDate on = day("submittedOn", request.submittedOn());
        return owned(caller, id).flatMap(current -> run(caller, idempotencyKey, id + "/report", request, ifMatch,
                conn -> cases.handle(conn, id, current.state().jurisdiction(), expected,
                        new RectificationCase.SubmitReport(on, request.summary()), metadata(caller))));
    }

    @POST
    @Path("{id}/evaluation")
    @RolesAllowed(Role.INSPECTION_OFFICE)
    @Operation(operationId = "evaluateRectification", summary = "Evaluate the submitted rectification (整改评估)",
            description = "The supervising side only: inspection-office covering the inspecting jurisdiction. Only"
                    + " after the report and only once (409 illegal-state with code report-not-submitted or"
                    + " case-already-evaluated); EFFECTIVE needs every task closed (409, code tasks-still-open).")
    @APIResponse(responseCode = "200", description = "The evaluated case, with its new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseView.class)))
    public Uni<Response> evaluateRectification(@PathParam("id") String id,
            @Valid @NotNull EvaluateRectificationRequest request, @HeaderParam("If-Match") String ifMatch,
            @Parameter(description = "Makes a retry return the first result instead of evaluating twice")
            @HeaderParam(IdempotentCommands.HEADER) String idempotencyKey) {
        Caller caller = callers.get();
        int expected = ETags.expectedVersion(ifMatch);
        LocalDate on = day("evaluatedOn", request.evaluatedOn());
        return visible(caller, id).flatMap(current -> {
            if (!CaseAccess.supervisor(caller, current.state().jurisdiction())) {
                throw new ProblemException(ProblemType.FORBIDDEN, "only the inspection office of the inspecting"
                        + " jurisdiction " + current.state().jurisdiction() + " or above evaluates this case");
            }
            return run(caller, idempotencyKey, id + "/evaluation", request, ifMatch,
                    conn -> cases.handle(conn, id, current.state().jurisdiction(), expected,
                            new RectificationCase.Evaluate(request.outcome(), on, request.remarks()),
                            metadata(caller)));
        });
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
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseView.class)))
    @Extension(name = OpenApiConventions.ETAG_EXTENSION, value = "true")
    public Uni<Response> getCase(@PathParam("id") String id) {
        return visible(callers.get(), id).map(loaded -> Response.ok(CaseView.of(loaded, CaseAccess.today()))
                .header("ETag", ETags.of(loaded.version())).build());
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
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CasePage.class)))
    public Uni<Page<CaseSummary>> listCases(
            @Parameter(description = "Only the case opened by this inspection's feedback")
            @QueryParam("inspectionId") String inspectionId,
            @Parameter(description = "Only cases in this status", schema = @Schema(type = SchemaType.STRING, enumeration = { "OPEN",
                    "REPORT_SUBMITTED", "EVALUATED" }))
            @QueryParam("status") String status,
            @Parameter(description = "The next cursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 200 (default 50)") @QueryParam("limit") Integer limit) {
        Caller caller = callers.get();
        return directory.list(caller, new CaseDirectory.Filter(blankToNull(inspectionId), status(status)), cursor,
                Cursor.limit(limit));
    }

    /** The shape of a page of cases, for the API document. */
    @Schema(name = "CasePage")
    public record CasePage(List<CaseSummary> items, String next) {
    }

    private Uni<AggregateRepository.Loaded<RectificationCase.State>> visible(Caller caller, String id) {
        return cases.load(id).map(loaded -> {
            if (!loaded.exists() || !CaseAccess.reader(caller, loaded.state().jurisdiction(),
                    loaded.state().organisationLocation())) {
                throw new ProblemException(ProblemType.NOT_FOUND, "rectification case not found");
            }
            return loaded;
        });
    }

    private Uni<AggregateRepository.Loaded<RectificationCase.State>> owned(Caller caller, String id) {
        return visible(caller, id).map(loaded -> {
            if (!CaseAccess.owner(caller, loaded.state().organisationLocation())) {
                throw new ProblemException(ProblemType.FORBIDDEN, "only the rectifying organisation's side, in "
                        + loaded.state().organisationLocation() + ", acts on this case");
            }
            return loaded;
        });
    }

    private static void requireTask(RectificationCase.State state, String taskId) {
        if (state.task(taskId) == null) {
            throw new ProblemException(ProblemType.NOT_FOUND, "the case has no task " + taskId);
        }
    }

    private Uni<Response> run(Caller caller, String idempotencyKey, String target, Object request, String ifMatch,
            Function<SqlConnection, Uni<AggregateRepository.Loaded<RectificationCase.State>>> command) {
        return commands.run(caller, idempotencyKey, fingerprint(target, request), ifMatch != null,
                conn -> command.apply(conn).map(loaded -> CommandResult.ok(loaded.version(),
                        CaseView.of(loaded, CaseAccess.today()))))
                .onFailure(DomainRejection.class).transform(e -> {
                    DomainRejection rejection = (DomainRejection) e;
                    if (RectificationCase.TASK_NOT_FOUND.equals(rejection.code())) {
                        return new ProblemException(Problem.of(ProblemType.NOT_FOUND, rejection.getMessage())
                                .withCode(rejection.code()));
                    }
                    if (UNPROCESSABLE.contains(rejection.code())) {
                        return new ProblemException(Problem.of(ProblemType.VALIDATION_FAILED, rejection.getMessage())
                                .withCode(rejection.code()));
                    }
                    return rejection;
                });
    }

    private static EventMetadata metadata(Caller caller) {
        return new EventMetadata(null, null, caller.subject());
    }

    private String fingerprint(String target, Object body) {
        try {
            return "POST " + BASE + target + " " + json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The day a command names, or today; a day in the future is refused. */
    private static LocalDate day(String field, LocalDate given) {
        LocalDate today = CaseAccess.today();
        if (given == null) {
            return today;
        }
        if (given.isAfter(today)) {
            throw new ProblemException(Problem.of(ProblemType.VALIDATION_FAILED, field + " " + given
                    + " is in the future").withErrors(List.of(new Problem.FieldError(field, "must not be in the future"))));
        }
        return given;
    }

    private static RectificationCase.Status status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return RectificationCase.Status.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Problem.of(ProblemType.VALIDATION_FAILED,
                    "status must be OPEN, REPORT_SUBMITTED or EVALUATED").withErrors(List.of(
                            new Problem.FieldError("status", "must be OPEN, REPORT_SUBMITTED or EVALUATED"))));
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
