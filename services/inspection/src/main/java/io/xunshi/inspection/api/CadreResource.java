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
import io.xunshi.inspection.application.CadreDirectory;
import io.xunshi.inspection.application.CadreSummary;
import io.xunshi.inspection.application.Cadres;
import io.xunshi.inspection.application.Inspections;
import io.xunshi.inspection.application.TeamSuggestion;
import io.xunshi.inspection.domain.Cadre;
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
import io.xunshi.kernel.command.CreationHeaders;
import io.xunshi.kernel.security.Caller;
import io.xunshi.kernel.security.CurrentCaller;
import io.xunshi.kernel.security.Role;

/**
 * The cadre pool (巡视巡察干部人才库) of each jurisdiction: the people teams are formed from, with their posts, the
 * close relations they declared and the checks they passed, which recusal and a leader's vetting read. Kept by the
 * inspection offices; audited.
 */
@Path("/cadres")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Cadre pool")
public class CadreResource {

    private static final String BASE = "/api/v1/cadres/";
    private static final Answer<Cadre.State> VIEW = Answer.ok(CadreView::of);

    @Inject
    Cadres cadres;

    @Inject
    CommandPath commands;

    @Inject
    CurrentCaller callers;

    @Inject
    CadreDirectory directory;

    @Inject
    Inspections inspections;

    @GET
    @RolesAllowed({ Role.INSPECTION_OFFICE, Role.AUDITOR })
    @Operation(operationId = "listCadres",
            summary = "List a jurisdiction's cadre pool in registration order, a page at a time",
            description = "Served from a read model that follows the store within about a second. Filter by one"
                    + " expertise tag. A jurisdiction outside the caller's subtree answers 403.")
    @APIResponse(responseCode = "200",
            description = "One page of cadres; next is the cursor of the following page, absent on the last")
    public Uni<Page<CadreSummary>> list(
            @Parameter(
                    description = "Only the pools of this jurisdiction's subtree (default: the caller's)") @QueryParam("jurisdiction") String jurisdiction,
            @Parameter(description = "Only cadres with this expertise tag") @QueryParam("expertise") String expertise,
            @Parameter(description = "The next cursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 200 (default 50)") @QueryParam("limit") Integer limit) {
        Caller caller = callers.get();
        String scope = jurisdiction == null ? caller.jurisdiction() : jurisdiction;
        CurrentCaller.requireWithin(caller, scope);
        return directory.list(scope, QueryValues.text(expertise), cursor, Cursor.limit(limit));
    }

    @GET
    @Path("suggestions")
    @RolesAllowed(Role.INSPECTION_OFFICE)
    @Operation(operationId = "suggestTeam",
            summary = "Suggest a team for an inspection from the pool (a query, not a decision)",
            description = "From the pool of the inspecting jurisdiction's subtree: candidates ordered by how many of"
                    + " the wanted expertise tags they have, each checked against the recusal rules for the inspected"
                    + " organisation (those kept out are listed under excluded, with the rule); the best vetted"
                    + " candidate who leads no team is suggested as leader, the next as members, size in all. Nothing"
                    + " is formed: POST /api/v1/teams does that. An inspection outside the caller's subtree answers"
                    + " 404.")
    @APIResponse(responseCode = "200", description = "The suggested leader and members, and who recusal excludes")
    public Uni<TeamSuggestion> suggest(
            @Parameter(description = "The inspection the team is for",
                    required = true) @QueryParam("inspectionId") String inspectionId,
            @Parameter(
                    description = "Wanted expertise tags (repeat the parameter)") @QueryParam("expertise") List<String> expertise,
            @Parameter(
                    description = "How many people, leader included, 1 to 30 (default 5)") @QueryParam("size") Integer size) {
        if (inspectionId == null || inspectionId.isBlank()) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "inspectionId is required");
        }
        int people = size == null ? 5 : size;
        if (people < 1 || people > 30) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "size must be between 1 and 30");
        }
        List<String> tags = expertise == null
                ? List.of()
                : expertise.stream().map(QueryValues::text).filter(java.util.Objects::nonNull).distinct().toList();
        return commands.visible(inspections.aggregate(), inspectionId)
                .flatMap(loaded -> directory.suggest(loaded.state(), tags, people));
    }

    @POST
    @RolesAllowed(Role.INSPECTION_OFFICE)
    @Operation(operationId = "registerCadre",
            summary = "Add a person to a jurisdiction's cadre pool, with their present post",
            description = "Inspection offices, for their jurisdiction's subtree (403 otherwise). The account is the"
                    + " identity provider's subject the person signs in with: once they are in a team, it is what"
                    + " lets them write to that team's inspections. Answers 201 with Location and ETag; send"
                    + " Idempotency-Key to make retries safe.")
    @APIResponse(responseCode = "201", description = "The cadre registered, with its Location and ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CadreView.class)))
    public Uni<Response> register(@Valid @NotNull RegisterCadreRequest request, @BeanParam CreationHeaders headers) {
        CurrentCaller.requireWithin(callers.get(), request.jurisdiction());
        String id = UUID.randomUUID().toString();
        Cadre.Register command = new Cadre.Register(id, request.jurisdiction(), request.name(), request.account(),
                request.rank(), request.expertise() == null ? List.of() : request.expertise(), request.post().post());
        return commands.run(headers, request, cadres.registering(command),
                Answer.created(registered -> BASE + id, CadreView::of));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Role.INSPECTION_OFFICE, Role.AUDITOR })
    @Operation(operationId = "getCadre", summary = "Read one cadre with their posts, relations and vetting",
            description = "A cadre outside the caller's jurisdiction subtree answers 404, like an unknown id.")
    @APIResponse(responseCode = "200", description = "The cadre, with its version as ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CadreView.class)))
    @Extension(name = OpenApiConventions.ETAG_EXTENSION, value = "true")
    public Uni<Response> get(@PathParam("id") String id) {
        return commands.read(cadres.aggregate(), id, CadreView::of);
    }

    @POST
    @Path("{id}/posts")
    @RolesAllowed(Role.INSPECTION_OFFICE)
    @Operation(operationId = "changeCadrePost",
            summary = "Record a cadre's new post; the present one ends the day before",
            description = "The new post must begin after the present one (422 post-out-of-order on since). Past posts"
                    + " stay in the history that recusal reads.")
    @APIResponse(responseCode = "200", description = "The cadre with the new post, with its new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CadreView.class)))
    public Uni<Response> changePost(@PathParam("id") String id, @Valid @NotNull PostRequest request,
            @BeanParam CommandHeaders headers) {
        return commands.execute(cadres.aggregate(), id, headers, request, new Cadre.ChangePost(request.post()), VIEW);
    }

    @POST
    @Path("{id}/relations")
    @RolesAllowed(Role.INSPECTION_OFFICE)
    @Operation(operationId = "declareCloseRelation",
            summary = "Record a close relation the cadre declared to an organisation (回避)",
            description = "Only the kind of relation and the organisation are recorded, never the relative. The"
                    + " cadre never inspects that organisation. The same declaration again changes nothing.")
    @APIResponse(responseCode = "200", description = "The cadre with the relation, with its ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CadreView.class)))
    public Uni<Response> declareRelation(@PathParam("id") String id, @Valid @NotNull DeclareRelationRequest request,
            @BeanParam CommandHeaders headers) {
        return commands.execute(cadres.aggregate(), id, headers, request, new Cadre.DeclareRelation(
                request.organisationId().strip(), request.relation(), Days.orToday(request.declaredOn())), VIEW);
    }

    @POST
    @Path("{id}/vetting")
    @RolesAllowed(Role.INSPECTION_OFFICE)
    @Operation(operationId = "recordCadreVetting",
            summary = "Record a check the cadre passed (政治关、廉洁关、作风关)",
            description = "A team leader has passed all three before leading a team (422 leader-not-vetted"
                    + " otherwise).")
    @APIResponse(responseCode = "200", description = "The cadre with the check, with its new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CadreView.class)))
    public Uni<Response> vet(@PathParam("id") String id, @Valid @NotNull VetRequest request,
            @BeanParam CommandHeaders headers) {
        return commands.execute(cadres.aggregate(), id, headers, request,
                new Cadre.Vet(request.check(), Days.orToday(request.passedOn())), VIEW);
    }
}
