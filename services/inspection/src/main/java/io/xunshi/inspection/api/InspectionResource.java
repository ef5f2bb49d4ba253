package io.xunshi.inspection.api;

import java.time.LocalDate;
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
import io.xunshi.contracts.inspection.Informant;
import io.xunshi.inspection.application.Informants;
import io.xunshi.inspection.application.InspectionDirectory;
import io.xunshi.inspection.application.InspectionSummary;
import io.xunshi.inspection.application.Inspections;
import io.xunshi.inspection.application.Teams;
import io.xunshi.inspection.domain.Inspection;
import io.xunshi.kernel.api.Cursor;
import io.xunshi.kernel.api.Days;
import io.xunshi.kernel.api.OpenApiConventions;
import io.xunshi.kernel.api.Page;
import io.xunshi.kernel.api.ProblemException;
import io.xunshi.kernel.api.ProblemType;
import io.xunshi.kernel.api.QueryValues;
import io.xunshi.kernel.command.Answer;
import io.xunshi.kernel.command.CommandHeaders;
import io.xunshi.kernel.command.CommandPath;
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

    /**
     * Who of the team roles writes to an inspection: the members of its own team (the inspection office that sent
     * it always may); a team member of another team, or of none yet, is refused.
     */
    private static final String OWN_TEAM = "only the members of the inspection's own team, and the inspection"
            + " office, write to it";

    /** The same, for what the team's leaders (组长, 副组长) do: stationing, the report, the feedback. */
    private static final String OWN_TEAM_LEADERS = "only the leader and deputy leaders of the inspection's own team,"
            + " and the inspection office, do this";

    /** Most commands answer the inspection as it is after them. */
    private static final Answer<Inspection.State> VIEW = Answer.ok(InspectionView::of);

    @Inject
    Inspections inspections;

    @Inject
    InspectionDirectory directory;

    @Inject
    Informants informants;

    @Inject
    Teams teams;

    @Inject
    CommandPath commands;

    @Inject
    CurrentCaller callers;

    @POST
    @Path("{id}/stationing")
    @RolesAllowed({ Role.TEAM_LEADER, Role.INSPECTION_OFFICE })
    @Operation(operationId = "stationTeam", summary = "Station the team at the organisation (进驻)",
            description = "Only while PREPARING; the inspection becomes STATIONED and publishes the contact"
                    + " channels for petitions given (contactChannels). The leader or a deputy leader"
                    + " of the inspection's own team (403 for anyone else's team), and inspection offices. The body may be omitted; stationedOn defaults to today in Asia/Shanghai. Answers"
                    + " the inspection with its new ETag; send If-Match to refuse a stale change (412) and"
                    + " Idempotency-Key to make retries safe.")
    @APIResponse(responseCode = "200", description = "The inspection stationed, with its new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = InspectionView.class)))
    public Uni<Response> station(@PathParam("id") String id, @Valid StationRequest request,
            @BeanParam CommandHeaders headers) {
        LocalDate on = Days.orToday(request == null ? null : request.stationedOn());
        return commands.execute(inspections.aggregate(), id, headers, request, teams.leaders(),
                OWN_TEAM_LEADERS, new Inspection.Station(on, request == null ? List.of() : request.channels()), VIEW);
    }

    @POST
    @Path("{id}/briefings")
    @RolesAllowed({ Role.TEAM_LEADER, Role.INSPECTION_OFFICE })
    @Operation(operationId = "recordBriefing",
            summary = "Record a department's briefing of the team before the stationing (Art. 21)",
            description = "Only while PREPARING (409 otherwise): the discipline, political-legal, organisation, audit"
                    + " and petition departments, or another, brief the team on the organisation. The inspection"
                    + " shows the briefings and which of those departments have not briefed yet (briefingsMissing);"
                    + " the stationing may not be dated before a briefing (422). The leader or a deputy leader of"
                    + " the inspection's own team, and inspection offices.")
    @APIResponse(responseCode = "200", description = "The inspection with the briefing, with its new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = InspectionView.class)))
    public Uni<Response> recordBriefing(@PathParam("id") String id, @Valid @NotNull BriefingRequest request,
            @BeanParam CommandHeaders headers) {
        return commands.execute(inspections.aggregate(), id, headers, request, teams.leaders(), OWN_TEAM_LEADERS,
                new Inspection.RecordBriefing(request.source(), request.department(),
                        Days.orToday(request.receivedOn()), request.summary()),
                VIEW);
    }

    @POST
    @Path("{id}/findings")
    @RolesAllowed({ Role.TEAM_MEMBER, Role.TEAM_LEADER, Role.INSPECTION_OFFICE })
    @Operation(operationId = "recordFinding", summary = "Record a finding (问题) of the fieldwork",
            description = "Only while STATIONED. The members of the inspection's own team (403 for another"
                    + " team's) and inspection offices. Answers 201"
                    + " with the finding, its server-generated findingId, Location and the inspection's new ETag. The"
                    + " feedback carries every finding in one event, so an inspection records at most 300 findings"
                    + " (422 too-many-findings) whose descriptions take at most 600,000 bytes of UTF-8 together"
                    + " (422 findings-too-long on description). An informant (name and contact) is personal data: it is"
                    + " sealed under a subject key of its own before the finding is recorded, and no answer shows it;"
                    + " the finding answers informantSubject, the id it is sealed under, instead.")
    @APIResponse(responseCode = "201",
            description = "The finding recorded, with its findingId, its Location and the inspection's new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RecordedFinding.class)))
    public Uni<Response> recordFinding(@PathParam("id") String id, @Valid @NotNull RecordFindingRequest request,
            @BeanParam CommandHeaders headers) {
        String findingId = UUID.randomUUID().toString();
        Uni<Informant> informant = request.informant() == null
                ? Uni.createFrom().nullItem()
                : informants.seal(request.informant().name(), request.informant().contact());
        return informant.flatMap(sealed -> commands.execute(inspections.aggregate(), id, headers, request,
                teams.members(),
                OWN_TEAM,
                new Inspection.RecordFinding(findingId, request.focusArea(), request.description(), request.severity(),
                        flag(request.involvesTopLeader()), flag(request.involvesLeadershipTeam()),
                        flag(request.common()), flag(request.deepLevel()),
                        request.evidence() == null ? List.of() : request.evidence(), sealed, request.rule(),
                        request.responsible()),
                Answer.created(after -> BASE + id + "/findings/" + findingId,
                        after -> RecordedFinding.of(after, RecordedFinding.find(after.state(), findingId)))));
    }

    @POST
    @Path("{id}/findings/{findingId}/revision")
    @RolesAllowed({ Role.TEAM_MEMBER, Role.TEAM_LEADER, Role.INSPECTION_OFFICE })
    @Operation(operationId = "reviseFinding", summary = "Revise a working paper (底稿) the team leader sent back",
            description = "Only while STATIONED, and only a finding SENT_BACK (409 finding-not-sent-back otherwise;"
                    + " 404 for a finding the inspection does not have): the content is replaced, the informant stays"
                    + " as recorded, and the finding awaits the leader's review again. The members of the"
                    + " inspection's own team and inspection offices.")
    @APIResponse(responseCode = "200", description = "The finding revised, with the inspection's new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RecordedFinding.class)))
    public Uni<Response> reviseFinding(@PathParam("id") String id, @PathParam("findingId") String findingId,
            @Valid @NotNull ReviseFindingRequest request, @BeanParam CommandHeaders headers) {
        return commands.execute(inspections.aggregate(), id, headers, request, teams.members(), OWN_TEAM,
                new Inspection.ReviseFinding(findingId, request.focusArea(), request.description(),
                        request.severity(), flag(request.involvesTopLeader()), flag(request.involvesLeadershipTeam()),
                        flag(request.common()), flag(request.deepLevel()),
                        request.evidence() == null ? List.of() : request.evidence(), request.rule(),
                        request.responsible()),
                finding(findingId));
    }

    @POST
    @Path("{id}/findings/{findingId}/review")
    @RolesAllowed(Role.TEAM_LEADER)
    @Operation(operationId = "reviewFinding",
            summary = "Approve a working paper (底稿), or send it back to the team with a reason",
            description = "Only while STATIONED and only a finding AWAITING_REVIEW (409 finding-not-awaiting-review;"
                    + " 404 for a finding the inspection does not have). An approved finding enters the report, the"
                    + " thematic reports and the feedback; a working paper is approved only when it names the rule it"
                    + " breaks and who is responsible (422 working-paper-incomplete). The report waits until no"
                    + " working paper awaits review (409 findings-awaiting-review). The leader or a deputy leader of"
                    + " the inspection's own team only; the review names the caller.")
    @APIResponse(responseCode = "200", description = "The finding reviewed, with the inspection's new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RecordedFinding.class)))
    public Uni<Response> reviewFinding(@PathParam("id") String id, @PathParam("findingId") String findingId,
            @Valid @NotNull ReviewFindingRequest request, @BeanParam CommandHeaders headers) {
        String reviewer = callers.get().subject();
        LocalDate on = Days.orToday(request.reviewedOn());
        Inspection.Command review = request.decision() == ReviewFindingRequest.ReviewDecision.APPROVE
                ? new Inspection.ApproveFinding(findingId, reviewer, on)
                : new Inspection.SendBackFinding(findingId, reviewer, request.reason(), on);
        return commands.execute(inspections.aggregate(), id, headers, request, teams.leaders(), OWN_TEAM_LEADERS,
                review, finding(findingId));
    }

    /** Answers the finding as it is after the command, with the inspection's new version. */
    private static Answer<Inspection.State> finding(String findingId) {
        return Answer.ok(after -> RecordedFinding.of(after, RecordedFinding.find(after.state(), findingId)));
    }

    @POST
    @Path("{id}/thematic-reports")
    @RolesAllowed(Role.TEAM_LEADER)
    @Operation(operationId = "submitThematicReport",
            summary = "Submit a thematic report (专题报告) on a widespread or systemic problem (Art. 23)",
            description = "While STATIONED or REPORTED, before the feedback (409 otherwise); it rests on findings of"
                    + " this inspection that the leader approved (422 finding-unknown or finding-not-approved on"
                    + " findingIds), at most 20 per inspection."
                    + " The leader or a deputy leader of the inspection's own team. Answers the inspection with its"
                    + " new ETag; the report's id is in thematicReports.")
    @APIResponse(responseCode = "200", description = "The inspection with the thematic report, with its new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = InspectionView.class)))
    public Uni<Response> submitThematicReport(@PathParam("id") String id,
            @Valid @NotNull ThematicReportRequest request, @BeanParam CommandHeaders headers) {
        return commands.execute(inspections.aggregate(), id, headers, request, teams.leaders(), OWN_TEAM_LEADERS,
                new Inspection.SubmitThematicReport(UUID.randomUUID().toString(), request.title(), request.summary(),
                        request.findingIds(), Days.orToday(request.submittedOn())),
                VIEW);
    }

    @POST
    @Path("{id}/head-feedback")
    @RolesAllowed({ Role.TEAM_LEADER, Role.INSPECTION_OFFICE })
    @Operation(operationId = "giveHeadFeedback",
            summary = "Record the feedback to the organisation's principal leader in person (Art. 26)",
            description = "Once, after the report (REPORTED or FEEDBACK_GIVEN; 409 otherwise), apart from the feedback"
                    + " to the leadership team (giveFeedback); givenOn must not be before reportedOn (422). The leader"
                    + " or a deputy leader of the inspection's own team, and inspection offices.")
    @APIResponse(responseCode = "200", description = "The inspection with the feedback recorded, with its new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = InspectionView.class)))
    public Uni<Response> giveHeadFeedback(@PathParam("id") String id, @Valid @NotNull HeadFeedbackRequest request,
            @BeanParam CommandHeaders headers) {
        return commands.execute(inspections.aggregate(), id, headers, request, teams.leaders(), OWN_TEAM_LEADERS,
                new Inspection.GiveHeadFeedback(Days.orToday(request.givenOn()), request.organisationHead()), VIEW);
    }

    @POST
    @Path("{id}/report")
    @RolesAllowed(Role.TEAM_LEADER)
    @Operation(operationId = "reportInspection", summary = "Report the inspection to the leading group (巡视报告)",
            description = "Only while STATIONED, once the leader has reviewed every working paper (409"
                    + " findings-awaiting-review); the inspection becomes REPORTED and takes no more findings. The"
                    + " report counts, and the feedback carries, the approved findings only; one sent back and not"
                    + " revised stays out. An inspection without findings may be reported. The leader or a deputy leader of the inspection's"
                    + " own team only. reportedOn defaults to"
                    + " today in Asia/Shanghai and must not be before stationedOn (422).")
    @APIResponse(responseCode = "200", description = "The inspection reported, with its new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = InspectionView.class)))
    public Uni<Response> report(@PathParam("id") String id, @Valid @NotNull ReportRequest request,
            @BeanParam CommandHeaders headers) {
        return commands.execute(inspections.aggregate(), id, headers, request, teams.leaders(), OWN_TEAM_LEADERS,
                new Inspection.Report(Days.orToday(request.reportedOn()), request.summary()), VIEW);
    }

    @POST
    @Path("{id}/feedback")
    @RolesAllowed({ Role.TEAM_LEADER, Role.INSPECTION_OFFICE })
    @Operation(operationId = "giveFeedback",
            summary = "Give the findings back to the organisation's head and leadership team (巡视反馈)",
            description = "Only while REPORTED; the inspection becomes FEEDBACK_GIVEN and FeedbackGiven, carrying"
                    + " every approved finding, is published for rectification. The leader or a deputy leader of the inspection's own"
                    + " team, and inspection offices. givenOn"
                    + " defaults to today in Asia/Shanghai and must not be before reportedOn (422).")
    @APIResponse(responseCode = "200", description = "The inspection after its feedback, with its new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = InspectionView.class)))
    public Uni<Response> giveFeedback(@PathParam("id") String id, @Valid @NotNull FeedbackRequest request,
            @BeanParam CommandHeaders headers) {
        return commands.execute(inspections.aggregate(), id, headers, request, teams.leaders(), OWN_TEAM_LEADERS,
                new Inspection.GiveFeedback(Days.orToday(request.givenOn()), request.organisationHead()), VIEW);
    }

    @POST
    @Path("{id}/close")
    @RolesAllowed(Role.INSPECTION_OFFICE)
    @Operation(operationId = "closeInspection", summary = "Close the inspection after its feedback",
            description = "Only while FEEDBACK_GIVEN; the inspection becomes CLOSED. Inspection offices only. The"
                    + " body may be omitted; closedOn defaults to today in Asia/Shanghai and must not be before"
                    + " feedbackOn (422).")
    @APIResponse(responseCode = "200", description = "The inspection closed, with its new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = InspectionView.class)))
    public Uni<Response> close(@PathParam("id") String id, @Valid CloseRequest request,
            @BeanParam CommandHeaders headers) {
        LocalDate on = Days.orToday(request == null ? null : request.closedOn());
        return commands.execute(inspections.aggregate(), id, headers, request, new Inspection.Close(on), VIEW);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Role.INSPECTION_OFFICE, Role.TEAM_LEADER, Role.TEAM_MEMBER, Role.AUDITOR })
    @Operation(operationId = "getInspection",
            summary = "Read one inspection with its findings; its ETag is its version",
            description = "Read from its events, so it is current at once. An inspection outside the caller's"
                    + " jurisdiction subtree answers 404, like an unknown id.")
    @APIResponse(responseCode = "200", description = "The inspection with its findings, with its version as ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = InspectionView.class)))
    @Extension(name = OpenApiConventions.ETAG_EXTENSION, value = "true")
    public Uni<Response> get(@PathParam("id") String id) {
        return commands.read(inspections.aggregate(), id, InspectionView::of);
    }

    @GET
    @Path("{id}/findings/{findingId}")
    @RolesAllowed({ Role.INSPECTION_OFFICE, Role.TEAM_LEADER, Role.TEAM_MEMBER, Role.AUDITOR })
    @Operation(operationId = "getFinding", summary = "Read one finding of an inspection",
            description = "The ETag is the inspection's version. 404 for an unknown finding, or an inspection"
                    + " outside the caller's jurisdiction subtree.")
    @APIResponse(responseCode = "200", description = "The finding, with the inspection's version as ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RecordedFinding.class)))
    @Extension(name = OpenApiConventions.ETAG_EXTENSION, value = "true")
    public Uni<Response> getFinding(@PathParam("id") String id, @PathParam("findingId") String findingId) {
        return commands.read(inspections.aggregate(), id, loaded -> {
            Inspection.Finding finding = RecordedFinding.find(loaded.state(), findingId);
            if (finding == null) {
                throw new ProblemException(ProblemType.NOT_FOUND, "finding not found");
            }
            return RecordedFinding.of(loaded, finding);
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
    @APIResponse(responseCode = "200",
            description = "One page of inspections; next is the cursor of the following page, absent on the last")
    public Uni<Page<InspectionSummary>> list(
            @Parameter(
                    description = "Only inspections run by this jurisdiction's subtree (default: the caller's)") @QueryParam("jurisdiction") String jurisdiction,
            @Parameter(description = "Only the inspections of this round") @QueryParam("roundId") String roundId,
            @Parameter(description = "Only the inspections of this plan") @QueryParam("planId") String planId,
            @Parameter(description = "Only inspections in this status: PREPARING, STATIONED, REPORTED, FEEDBACK_GIVEN"
                    + " or CLOSED") @QueryParam("status") String status,
            @Parameter(description = "The next cursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 200 (default 50)") @QueryParam("limit") Integer limit) {
        Caller caller = callers.get();
        String scope = jurisdiction == null ? caller.jurisdiction() : jurisdiction;
        CurrentCaller.requireWithin(caller, scope);
        return directory.list(new InspectionDirectory.Filter(scope, QueryValues.text(roundId), QueryValues.text(planId),
                QueryValues.oneOf(Inspection.Status.class, "status", status)), cursor, Cursor.limit(limit));
    }

    private static boolean flag(Boolean value) {
        return Boolean.TRUE.equals(value);
    }
}
