package io.xunshi.inspection.api;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
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
import io.xunshi.inspection.application.InspectionDirectory;
import io.xunshi.inspection.application.InspectionSummary;
import io.xunshi.inspection.application.Inspections;
import io.xunshi.inspection.domain.Inspection;
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

/**
 * Inspections, opened by launched rounds: station the team, record findings, report, give feedback, close;
 * read one, list them. Every write answers the inspection with its new ETag; an illegal transition is a 409
 * {@code urn:xunshi:problem:illegal-state} with a stable {@code code}.
 */
@Path("/inspections")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Inspections")
public class InspectionResource {

    private static final String BASE = "/api/v1/inspections/";
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String STATES = "PREPARING, STATIONED, REPORTED, FEEDBACK_GIVEN or CLOSED";

    @Inject
    Inspections inspections;

    @Inject
    InspectionDirectory directory;

    @Inject
    IdempotentCommands commands;

    @Inject
    CurrentCaller callers;

    @Inject
    ObjectMapper json;

    @POST
    @Path("{id}/stationing")
    @RolesAllowed({ Role.TEAM_LEADER, Role.INSPECTION_OFFICE })
    @Operation(operationId = "stationTeam", summary = "Station the team at the organisation (进驻)",
            description = "Only while PREPARING; the inspection becomes STATIONED. Team leaders and inspection"
                    + " offices. The body may be omitted; stationedOn defaults to today in Asia/Shanghai. Answers"
                    + " the inspection with its new ETag; send If-Match to refuse a stale change (412) and"
                    + " Idempotency-Key to make retries safe.")
    @APIResponse(responseCode = "200", description = "The inspection stationed, with its new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InspectionView.class)))
    public Uni<Response> station(@PathParam("id") String id, @Valid StationRequest request,
            @HeaderParam("If-Match") String ifMatch,
            @Parameter(description = "Makes a retry return the first result instead of acting twice")
            @HeaderParam(IdempotentCommands.HEADER) String idempotencyKey) {
        LocalDate on = dateOrToday(request == null ? null : request.stationedOn());
        return command(id, "stationing", request, ifMatch, idempotencyKey, "stationedOn",
                new Inspection.Station(on), loaded -> CommandResult.ok(loaded.version(), InspectionView.of(loaded)));
    }

    @POST
    @Path("{id}/findings")
    @RolesAllowed({ Role.TEAM_MEMBER, Role.TEAM_LEADER, Role.INSPECTION_OFFICE })
    @Operation(operationId = "recordFinding", summary = "Record a finding (问题) of the fieldwork",
            description = "Only while STATIONED. Team members, team leaders and inspection offices. Answers 201"
                    + " with the finding, its server-generated findingId, Location and the inspection's new ETag.")
    @APIResponse(responseCode = "201", description = "The finding recorded, with its findingId, its Location and the inspection's new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RecordedFinding.class)))
    public Uni<Response> recordFinding(@PathParam("id") String id, @Valid @NotNull RecordFindingRequest request,
            @HeaderParam("If-Match") String ifMatch,
            @Parameter(description = "Makes a retry return the first result instead of recording twice")
            @HeaderParam(IdempotentCommands.HEADER) String idempotencyKey) {
        String findingId = UUID.randomUUID().toString();
        Inspection.RecordFinding command = new Inspection.RecordFinding(findingId, request.focusArea(),
                request.description(), request.severity(), flag(request.involvesTopLeader()),
                flag(request.involvesLeadershipTeam()), flag(request.common()), flag(request.deepLevel()),
                request.evidence() == null ? List.of() : request.evidence());
        return command(id, "findings", request, ifMatch, idempotencyKey, null, command, loaded -> {
            Inspection.Finding recorded = loaded.state().findings().stream()
                    .filter(f -> f.findingId().equals(findingId)).findFirst().orElseThrow();
            return CommandResult.created(BASE + id + "/findings/" + findingId, loaded.version(),
                    RecordedFinding.of(loaded, recorded));
        });
    }

    @POST
    @Path("{id}/report")
    @RolesAllowed(Role.TEAM_LEADER)
    @Operation(operationId = "reportInspection", summary = "Report the inspection to the leading group (巡视报告)",
            description = "Only while STATIONED; the inspection becomes REPORTED and takes no more findings. An"
                    + " inspection without findings may be reported. Team leaders only. reportedOn defaults to"
                    + " today in Asia/Shanghai and must not be before stationedOn (422).")
    @APIResponse(responseCode = "200", description = "The inspection reported, with its new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InspectionView.class)))
    public Uni<Response> report(@PathParam("id") String id, @Valid @NotNull ReportRequest request,
            @HeaderParam("If-Match") String ifMatch,
            @Parameter(description = "Makes a retry return the first result instead of acting twice")
            @HeaderParam(IdempotentCommands.HEADER) String idempotencyKey) {
        return command(id, "report", request, ifMatch, idempotencyKey, "reportedOn",
                new Inspection.Report(dateOrToday(request.reportedOn()), request.summary()),
                loaded -> CommandResult.ok(loaded.version(), InspectionView.of(loaded)));
    }

    @POST
    @Path("{id}/feedback")
    @RolesAllowed({ Role.TEAM_LEADER, Role.INSPECTION_OFFICE })
    @Operation(operationId = "giveFeedback",
            summary = "Give the findings back to the organisation's head and leadership team (巡视反馈)",
            description = "Only while REPORTED; the inspection becomes FEEDBACK_GIVEN and FeedbackGiven, carrying"
                    + " every finding, is published for rectification. Team leaders and inspection offices. givenOn"
                    + " defaults to today in Asia/Shanghai and must not be before reportedOn (422).")
    @APIResponse(responseCode = "200", description = "The inspection after its feedback, with its new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InspectionView.class)))
    public Uni<Response> giveFeedback(@PathParam("id") String id, @Valid @NotNull FeedbackRequest request,
            @HeaderParam("If-Match") String ifMatch,
            @Parameter(description = "Makes a retry return the first result instead of acting twice")
            @HeaderParam(IdempotentCommands.HEADER) String idempotencyKey) {
        return command(id, "feedback", request, ifMatch, idempotencyKey, "givenOn",
                new Inspection.GiveFeedback(dateOrToday(request.givenOn()), request.organisationHead()),
                loaded -> CommandResult.ok(loaded.version(), InspectionView.of(loaded)));
    }

    @POST
    @Path("{id}/close")
    @RolesAllowed(Role.INSPECTION_OFFICE)
    @Operation(operationId = "closeInspection", summary = "Close the inspection after its feedback",
            description = "Only while FEEDBACK_GIVEN; the inspection becomes CLOSED. Inspection offices only. The"
                    + " body may be omitted; closedOn defaults to today in Asia/Shanghai and must not be before"
                    + " feedbackOn (422).")
    @APIResponse(responseCode = "200", description = "The inspection closed, with its new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InspectionView.class)))
    public Uni<Response> close(@PathParam("id") String id, @Valid CloseRequest request,
            @HeaderParam("If-Match") String ifMatch,
            @Parameter(description = "Makes a retry return the first result instead of acting twice")
            @HeaderParam(IdempotentCommands.HEADER) String idempotencyKey) {
        LocalDate on = dateOrToday(request == null ? null : request.closedOn());
        return command(id, "close", request, ifMatch, idempotencyKey, "closedOn", new Inspection.Close(on),
                loaded -> CommandResult.ok(loaded.version(), InspectionView.of(loaded)));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Role.INSPECTION_OFFICE, Role.TEAM_LEADER, Role.TEAM_MEMBER, Role.AUDITOR })
    @Operation(operationId = "getInspection", summary = "Read one inspection with its findings; its ETag is its version",
            description = "Read from its events, so it is current at once. An inspection outside the caller's"
                    + " jurisdiction subtree answers 404, like an unknown id.")
    @APIResponse(responseCode = "200", description = "The inspection with its findings, with its version as ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InspectionView.class)))
    @Extension(name = OpenApiConventions.ETAG_EXTENSION, value = "true")
    public Uni<Response> get(@PathParam("id") String id) {
        return visible(callers.get(), id).map(loaded -> Response.ok(InspectionView.of(loaded))
                .header("ETag", ETags.of(loaded.version())).build());
    }

    @GET
    @Path("{id}/findings/{findingId}")
    @RolesAllowed({ Role.INSPECTION_OFFICE, Role.TEAM_LEADER, Role.TEAM_MEMBER, Role.AUDITOR })
    @Operation(operationId = "getFinding", summary = "Read one finding of an inspection",
            description = "The ETag is the inspection's version. 404 for an unknown finding, or an inspection"
                    + " outside the caller's jurisdiction subtree.")
    @APIResponse(responseCode = "200", description = "The finding, with the inspection's version as ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RecordedFinding.class)))
    @Extension(name = OpenApiConventions.ETAG_EXTENSION, value = "true")
    public Uni<Response> getFinding(@PathParam("id") String id, @PathParam("findingId") String findingId) {
        return visible(callers.get(), id).map(loaded -> {
            Inspection.Finding finding = loaded.state().findings().stream()
                    .filter(f -> f.findingId().equals(findingId)).findFirst()
                    .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "finding not found"));
            return Response.ok(RecordedFinding.of(loaded, finding)).header("ETag", ETags.of(loaded.version())).build();
        });
    }

    @GET
    @RolesAllowed({ Role.INSPECTION_OFFICE, Role.TEAM_LEADER, Role.TEAM_MEMBER, Role.AUDITOR })
    @Operation(operationId = "listInspections",
            summary = "List inspections in the order they were opened, a page at a time, within the caller's jurisdiction",
            description = "Served from a read model that follows the store within about a second (the projection"
                    + " polls every xunshi.projection.poll-interval), so a round just launched shows its inspections"
                    + " shortly after. Filter by roundId to find the inspections a launched round opened. Pass the"
                    + " previous page's next cursor to read on; a jurisdiction outside the caller's subtree answers"
                    + " 403.")
    @APIResponse(responseCode = "200", description = "One page of inspections; next is the cursor of the following page, absent on the last")
    public Uni<Page<InspectionSummary>> list(
            @Parameter(description = "Only inspections run by this jurisdiction's subtree (default: the caller's)")
            @QueryParam("jurisdiction") String jurisdiction,
            @Parameter(description = "Only the inspections of this round") @QueryParam("roundId") String roundId,
            @Parameter(description = "Only the inspections of this plan") @QueryParam("planId") String planId,
            @Parameter(description = "Only inspections in this status: " + STATES) @QueryParam("status") String status,
            @Parameter(description = "The next cursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 200 (default 50)") @QueryParam("limit") Integer limit) {
        Caller caller = callers.get();
        String scope = jurisdiction == null ? caller.jurisdiction() : jurisdiction;
        CurrentCaller.requireWithin(caller, scope);
        return directory.list(new InspectionDirectory.Filter(scope, blankToNull(roundId), blankToNull(planId),
                status(status)), cursor, Cursor.limit(limit));
    }

    /**
     * Loads the inspection (404 outside the caller's subtree), then decides and appends in one transaction
     * with the idempotency record; a date out of order is answered 422 on {@code dateField}.
     */
    private Uni<Response> command(String id, String action, Object request, String ifMatch, String idempotencyKey,
            String dateField, Inspection.Command command,
            Function<AggregateRepository.Loaded<Inspection.State>, CommandResult> answer) {
        Caller caller = callers.get();
        int expected = ETags.expectedVersion(ifMatch);
        return visible(caller, id).flatMap(current -> commands.run(caller, idempotencyKey,
                fingerprint(id + "/" + action, request), ifMatch != null,
                (SqlConnection conn) -> inspections.handle(conn, id, current.state().jurisdiction(), expected, command,
                        new EventMetadata(null, null, caller.subject())).map(answer)))
                .onFailure(DomainRejection.class).transform(failure -> {
                    DomainRejection rejection = (DomainRejection) failure;
                    if (!Inspection.DATE_OUT_OF_ORDER.equals(rejection.code()) || dateField == null) {
                        return rejection;
                    }
                    return new ProblemException(Problem.of(ProblemType.VALIDATION_FAILED, rejection.getMessage())
                            .withCode(rejection.code())
                            .withErrors(List.of(new Problem.FieldError(dateField, rejection.getMessage()))));
                });
    }

    private Uni<AggregateRepository.Loaded<Inspection.State>> visible(Caller caller, String id) {
        return inspections.load(id).map(loaded -> {
            if (!loaded.exists()) {
                throw new ProblemException(ProblemType.NOT_FOUND, "inspection not found");
            }
            CurrentCaller.requireVisible(caller, loaded.state().jurisdiction(), "inspection");
            return loaded;
        });
    }

    private String fingerprint(String target, Object body) {
        try {
            return "POST " + BASE + target + " " + json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static LocalDate dateOrToday(LocalDate date) {
        return date == null ? LocalDate.now(SHANGHAI) : date;
    }

    private static boolean flag(Boolean value) {
        return Boolean.TRUE.equals(value);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static Inspection.Status status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Inspection.Status.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Problem.of(ProblemType.VALIDATION_FAILED, "status must be one of " + STATES)
                    .withErrors(List.of(new Problem.FieldError("status", "must be one of " + STATES))));
        }
    }
}
