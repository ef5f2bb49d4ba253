package io.xunshi.planning.api;

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
import io.xunshi.contracts.planning.UniverseChange;
import io.xunshi.kernel.aggregate.AggregateRepository;
import io.xunshi.kernel.api.Cursor;
import io.xunshi.kernel.api.Days;
import io.xunshi.kernel.api.OpenApiConventions;
import io.xunshi.kernel.api.Page;
import io.xunshi.kernel.api.ProblemException;
import io.xunshi.kernel.api.ProblemType;
import io.xunshi.kernel.command.Answer;
import io.xunshi.kernel.command.CommandHeaders;
import io.xunshi.kernel.command.CommandPath;
import io.xunshi.kernel.command.CreationHeaders;
import io.xunshi.kernel.security.Caller;
import io.xunshi.kernel.security.CurrentCaller;
import io.xunshi.kernel.security.Role;
import io.xunshi.planning.application.CoverageView;
import io.xunshi.planning.application.LookBackCandidates;
import io.xunshi.planning.application.PaceSettings;
import io.xunshi.planning.application.PaceView;
import io.xunshi.planning.application.PlanDirectory;
import io.xunshi.planning.application.PlanSummary;
import io.xunshi.planning.application.PlanView;
import io.xunshi.planning.application.Plans;
import io.xunshi.planning.application.RoundView;
import io.xunshi.planning.application.Rounds;
import io.xunshi.planning.application.SubordinatePlans;
import io.xunshi.planning.domain.Round;
import io.xunshi.planning.domain.WorkPlan;

/** Work plans: issue, read, list, see which subordinates filed theirs, schedule rounds, follow coverage. */
@Path("/plans")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Plans")
public class PlanResource {

    static final String BASE = "/api/v1/plans/";

    @Inject
    Plans plans;

    @Inject
    PlanDirectory directory;

    @Inject
    Rounds rounds;

    @Inject
    CommandPath commands;

    @Inject
    CurrentCaller callers;

    @Inject
    PaceSettings pace;

    @POST
    @RolesAllowed(Role.INSPECTION_OFFICE)
    @Operation(operationId = "issuePlan", summary = "Issue a level's work plan for a term of office",
            description = "Inspection offices only, within their jurisdiction's subtree. The term is at most five"
                    + " years; one plan per jurisdiction and term (an overlapping one is 409). Every plan but the"
                    + " Centre's (000000) names a parent plan of a jurisdiction above it whose term overlaps its"
                    + " own. The universe defaults to every organisation the jurisdiction manages; when given,"
                    + " every id must be such an organisation (422 naming the others). Answers 201 with Location"
                    + " and ETag; send Idempotency-Key to make retries safe.")
    @APIResponse(responseCode = "201", description = "The plan issued, with its Location and ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PlanView.class)))
    public Uni<Response> issue(@Valid @NotNull IssuePlanRequest request, @BeanParam CreationHeaders headers) {
        CurrentCaller.requireWithin(callers.get(), request.jurisdiction());
        String id = UUID.randomUUID().toString();
        Plans.Issue issue = new Plans.Issue(id, request.jurisdiction(), request.title(), request.termStart(),
                request.termEnd(), request.parentPlanId(), request.universe());
        return commands.run(headers, request, plans.issuing(issue), Answer.created(issued -> BASE + id,
                PlanResource::view));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Role.INSPECTION_OFFICE, Role.TEAM_LEADER, Role.TEAM_MEMBER, Role.DISCIPLINE_LIAISON,
            Role.ORGANISATION_LIAISON, Role.AUDITOR })
    @Operation(operationId = "getPlan", summary = "Read one work plan with its universe; its ETag is its version",
            description = "A plan outside the caller's jurisdiction subtree answers 404, like an unknown id.")
    @APIResponse(responseCode = "200", description = "The plan, with its version as ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PlanView.class)))
    @Extension(name = OpenApiConventions.ETAG_EXTENSION, value = "true")
    public Uni<Response> get(@PathParam("id") String id) {
        return commands.read(plans.aggregate(), id, PlanResource::view);
    }

    @GET
    @RolesAllowed({ Role.INSPECTION_OFFICE, Role.TEAM_LEADER, Role.TEAM_MEMBER, Role.DISCIPLINE_LIAISON,
            Role.ORGANISATION_LIAISON, Role.AUDITOR })
    @Operation(operationId = "listPlans",
            summary = "List the work plans of a jurisdiction subtree in issue order, a page at a time",
            description = "Only plans within the caller's subtree; a jurisdiction outside it answers 403. Pass the"
                    + " previous page's next cursor to read on.")
    @APIResponse(responseCode = "200",
            description = "One page of plans; next is the cursor of the following page, absent on the last")
    public Uni<Page<PlanSummary>> list(
            @Parameter(
                    description = "Only this jurisdiction's subtree (default: the caller's)") @QueryParam("jurisdiction") String jurisdiction,
            @Parameter(description = "The next cursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 200 (default 50)") @QueryParam("limit") Integer limit) {
        Caller caller = callers.get();
        String scope = jurisdiction == null ? caller.jurisdiction() : jurisdiction;
        Patterns.jurisdiction("jurisdiction", scope);
        CurrentCaller.requireWithin(caller, scope);
        return directory.list(scope, cursor, Cursor.limit(limit));
    }

    @GET
    @Path("{id}/subordinates")
    @RolesAllowed({ Role.INSPECTION_OFFICE, Role.AUDITOR })
    @Operation(operationId = "getSubordinatePlans",
            summary = "Which jurisdictions directly below the plan's have filed a plan naming it as parent",
            description = "One entry per child jurisdiction known to planning (from coordination's jurisdiction"
                    + " events), with the plan it filed or filed=false. A plan outside the caller's subtree"
                    + " answers 404.")
    @APIResponse(responseCode = "200", description = "The child jurisdictions and whether each filed its plan")
    public Uni<SubordinatePlans> subordinates(@PathParam("id") String id) {
        return commands.visible(plans.aggregate(), id)
                .flatMap(loaded -> directory.subordinates(id, loaded.state().jurisdiction()));
    }

    @POST
    @Path("{id}/rounds")
    @RolesAllowed(Role.INSPECTION_OFFICE)
    @Operation(operationId = "scheduleRound", summary = "Schedule a round of the plan",
            description = "Inspection offices within the plan's jurisdiction. The stationing window lies within the"
                    + " plan's term years and does not end before it starts; at least one assignment, each"
                    + " organisation at most once. Each kind has its rules (422 naming the ids otherwise): REGULAR"
                    + " targets the plan's universe (targets-outside-universe); SPECIAL names its theme"
                    + " (theme-required) and, with a sector, targets organisations of that kind"
                    + " (targets-outside-sector); MOBILE is stationed at most xunshi.planning.mobile-max-days days"
                    + " (mobile-window-too-long); LINKED may name the higher level's LINKED round (linkedRoundId;"
                    + " linked-round-unknown, linked-round-not-above); ELEVATED targets organisations managed strictly"
                    + " below the plan's jurisdiction (elevated-targets-not-below), and its inspections count for the"
                    + " lower plan whose universe holds each (assignments[].coveredPlanId); LOOK_BACK targets only"
                    + " organisations the plan already inspected (look-back-targets-not-inspected; candidates: GET"
                    + " /plans/{id}/look-back-candidates); the other kinds target organisations managed within the"
                    + " plan's jurisdiction. Only SPECIAL has a theme or sector, only LINKED a linkedRoundId"
                    + " (theme-not-for-kind, link-not-for-kind). Answers 201 with Location and ETag.")
    @APIResponse(responseCode = "201", description = "The round scheduled, with its Location and ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RoundView.class)))
    public Uni<Response> schedule(@PathParam("id") String id, @Valid @NotNull ScheduleRoundRequest request,
            @BeanParam CreationHeaders headers) {
        Caller caller = callers.get();
        return directory.plan(id).flatMap(plan -> {
            if (plan == null) {
                throw new ProblemException(ProblemType.NOT_FOUND, "plan not found");
            }
            CurrentCaller.requireVisible(caller, plan.jurisdiction(), "plan");
            String roundId = UUID.randomUUID().toString();
            List<Round.Pairing> pairings = request.assignments().stream()
                    .map(a -> new Round.Pairing(a.team(), a.organisationId())).toList();
            return commands.run(headers, request, rounds.scheduling(new Rounds.Request(roundId, plan, request.kind(),
                    request.name(), request.stationingStart(), request.stationingEnd(), pairings, request.theme(),
                    request.sector(), request.linkedRoundId())),
                    Answer.created(scheduled -> RoundResource.BASE + roundId, Rounds::view));
        });
    }

    @GET
    @Path("{id}/rounds")
    @RolesAllowed({ Role.INSPECTION_OFFICE, Role.TEAM_LEADER, Role.TEAM_MEMBER, Role.DISCIPLINE_LIAISON,
            Role.ORGANISATION_LIAISON, Role.AUDITOR })
    @Operation(operationId = "listRounds", summary = "List the plan's rounds in the order they were scheduled",
            description = "A plan outside the caller's subtree answers 404. Pass the previous page's next cursor"
                    + " to read on.")
    @APIResponse(responseCode = "200", description = "One page of the plan's rounds")
    public Uni<Page<RoundView>> listRounds(@PathParam("id") String id,
            @Parameter(description = "The next cursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 200 (default 50)") @QueryParam("limit") Integer limit) {
        int size = Cursor.limit(limit);
        return commands.visible(plans.aggregate(), id).flatMap(loaded -> rounds.list(id, cursor, size));
    }

    @GET
    @Path("{id}/coverage")
    @RolesAllowed({ Role.INSPECTION_OFFICE, Role.AUDITOR })
    @Operation(operationId = "getCoverage", summary = "Formal and effective coverage of the plan's universe",
            description = "Formal coverage (有形覆盖): feedback was given under this plan. Effective coverage"
                    + " (有效覆盖): the latest evaluation of the organisation's rectification under this plan is"
                    + " EFFECTIVE. Lists the organisations not formally covered yet. A plan outside the caller's"
                    + " subtree answers 404.")
    @APIResponse(responseCode = "200", description = "The plan's formal and effective coverage")
    public Uni<CoverageView> coverage(@PathParam("id") String id) {
        return commands.visible(plans.aggregate(), id)
                .flatMap(loaded -> directory.coverage(id, loaded.state().jurisdiction()));
    }

    @GET
    @Path("{id}/pace")
    @RolesAllowed({ Role.INSPECTION_OFFICE, Role.AUDITOR })
    @Operation(operationId = "getPace", summary = "The plan's pace towards full coverage (全覆盖进度), with its alerts",
            description = "On today (Asia/Shanghai): covered and remaining organisations of the universe (formal"
                    + " coverage, as GET /plans/{id}/coverage counts it), the launched rounds and how many organisations"
                    + " each covered on average, the rounds still needed at that pace, the rounds the level can still"
                    + " run in the term (xunshi.planning.pace.rounds-per-year), and whether full coverage is still"
                    + " reachable; the same per sector block (organisations of one kind) against its cycle"
                    + " (xunshi.planning.pace.cycle-years.<kind>); the organisations not inspected for"
                    + " xunshi.planning.pace.alert-years years; and the alerts: coverage-out-of-pace,"
                    + " block-out-of-pace:<kind>, not-inspected-for-years. A plan outside the caller's subtree answers"
                    + " 404.")
    @APIResponse(responseCode = "200", description = "The plan's pace",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PaceView.class)))
    public Uni<PaceView> pace(@PathParam("id") String id) {
        return commands.visible(plans.aggregate(), id).flatMap(loaded -> directory.pace(id,
                loaded.state().jurisdiction(), loaded.state().termStart(), loaded.state().termEnd(), Days.today(),
                pace.settings()));
    }

    @GET
    @Path("{id}/look-back-candidates")
    @RolesAllowed({ Role.INSPECTION_OFFICE, Role.AUDITOR })
    @Operation(operationId = "listLookBackCandidates",
            summary = "The organisations of the plan whose rectification was judged not effective (回头看候选)",
            description = "From the rectification service's LookBackCandidatePublished events, the latest evaluation"
                    + " first: each with the case, the grade and the LOOK_BACK round of this plan that already"
                    + " targets it, if any. A LOOK_BACK round may target exactly the organisations the plan inspected;"
                    + " these are the ones rectification put forward. A plan outside the caller's subtree answers"
                    + " 404.")
    @APIResponse(responseCode = "200", description = "The plan's look-back candidates",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = LookBackCandidates.class)))
    public Uni<LookBackCandidates> lookBackCandidates(@PathParam("id") String id) {
        return commands.visible(plans.aggregate(), id).flatMap(loaded -> directory.lookBackCandidates(id));
    }

    @POST
    @Path("{id}/revisions")
    @RolesAllowed(Role.INSPECTION_OFFICE)
    @Operation(operationId = "revisePlan", summary = "Revise the plan's universe during its term (规划修订)",
            description = "Inspection offices within the plan's jurisdiction. Organisations join (a new unit, one moved"
                    + " from another level, or another reason; managed by the plan's jurisdiction, not yet in the"
                    + " universe) or leave (merged, dissolved, moved to another level, or another reason; in the"
                    + " universe), each with its reason; at least one, each once, the universe never empty, dated"
                    + " within the term (422 revision-empty, organisation-revised-twice, already-in-universe,"
                    + " universe-foreign-organisations, not-in-universe, reason-not-for-joining,"
                    + " reason-not-for-leaving, universe-empty, revision-outside-term). Coverage and REGULAR rounds"
                    + " follow the universe as revised. If-Match with the plan's ETag refuses a stale revision (412).")
    @APIResponse(responseCode = "200", description = "The plan as revised, with its new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PlanView.class)))
    public Uni<Response> revise(@PathParam("id") String id, @Valid @NotNull RevisePlanRequest request,
            @BeanParam CommandHeaders headers) {
        List<UniverseChange> joins = changes(request.joined());
        List<UniverseChange> leaves = changes(request.left());
        LocalDate on = Days.orToday(request.revisedOn());
        return directory.managers(joins.stream().map(UniverseChange::organisationId).toList())
                .flatMap(managers -> commands.execute(plans.aggregate(), id, headers, request,
                        new WorkPlan.Revise(on, joins, leaves, managers), Answer.ok(PlanResource::view)));
    }

    private static List<UniverseChange> changes(List<RevisePlanRequest.ChangeRequest> requested) {
        return requested == null
                ? List.of()
                : requested.stream().map(c -> new UniverseChange(c.organisationId().strip(), c.reason(), c.note()))
                        .toList();
    }

    private static PlanView view(AggregateRepository.Loaded<WorkPlan.State> loaded) {
        WorkPlan.State s = loaded.state();
        return new PlanView(s.planId(), s.jurisdiction(), s.title(), s.termStart(), s.termEnd(), s.parentPlanId(),
                s.universe().size(), s.universe(), loaded.version(), s.history().stream()
                        .map(r -> new PlanView.Revision(r.revision(), r.revisedOn(), r.joined(), r.left())).toList());
    }
}
