package io.xunshi.coordination.api;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import io.xunshi.contracts.coordination.OrganisationKind;
import io.xunshi.coordination.application.JurisdictionTree;
import io.xunshi.coordination.application.OrganisationDirectory;
import io.xunshi.coordination.application.OrganisationView;
import io.xunshi.coordination.application.Organisations;
import io.xunshi.coordination.domain.Organisation;
import io.xunshi.kernel.aggregate.AggregateRepository;
import io.xunshi.kernel.api.Cursor;
import io.xunshi.kernel.api.OpenApiConventions;
import io.xunshi.kernel.api.Page;
import io.xunshi.kernel.api.Problem;
import io.xunshi.kernel.api.ProblemException;
import io.xunshi.kernel.api.ProblemType;
import io.xunshi.kernel.command.Answer;
import io.xunshi.kernel.command.CommandHeaders;
import io.xunshi.kernel.command.CommandPath;
import io.xunshi.kernel.command.CreationHeaders;
import io.xunshi.kernel.domain.Jurisdictions;
import io.xunshi.kernel.security.Caller;
import io.xunshi.kernel.security.CurrentCaller;
import io.xunshi.kernel.security.Role;

/** The organisations each level's inspection must cover: register, rename, read and list them. */
@Path("/organisations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Organisations")
public class OrganisationResource {

    private static final String BASE = "/api/v1/organisations/";

    @Inject
    Organisations organisations;

    @Inject
    OrganisationDirectory directory;

    @Inject
    CommandPath commands;

    @Inject
    CurrentCaller callers;

    @Inject
    JurisdictionTree tree;

    @POST
    @RolesAllowed(Role.INSPECTION_OFFICE)
    @Operation(operationId = "registerOrganisation",
            summary = "Register an inspectable organisation under the jurisdiction that manages it",
            description = "The organisation joins that jurisdiction's universe. Inspection offices only, within"
                    + " their jurisdiction's subtree. The jurisdiction and the location must be in the jurisdiction"
                    + " tree, and the location in the jurisdiction's subtree (422 otherwise). Answers 201 with Location and ETag; send Idempotency-Key"
                    + " to make retries safe.")
    @APIResponse(responseCode = "201", description = "The organisation registered, with its Location and ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = OrganisationView.class)))
    public Uni<Response> register(@Valid @NotNull RegisterOrganisationRequest request,
            @BeanParam CreationHeaders headers) {
        CurrentCaller.requireWithin(callers.get(), request.jurisdiction());
        String id = UUID.randomUUID().toString();
        Organisation.Register command = new Organisation.Register(id, request.name(), request.kind(),
                request.jurisdiction(), request.location());
        return inTree(request).flatMap(checked -> commands.run(headers, request, organisations.registering(command),
                Answer.created(registered -> BASE + id, OrganisationResource::view)));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Role.INSPECTION_OFFICE, Role.TEAM_LEADER, Role.TEAM_MEMBER, Role.RECTIFICATION_OWNER,
            Role.DISCIPLINE_LIAISON, Role.ORGANISATION_LIAISON, Role.AUDITOR })
    @Operation(operationId = "getOrganisation", summary = "Read one organisation; its ETag is its version",
            description = "An organisation outside the caller's jurisdiction subtree answers 404, like an"
                    + " unknown id.")
    @APIResponse(responseCode = "200", description = "The organisation, with its version as ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = OrganisationView.class)))
    @Extension(name = OpenApiConventions.ETAG_EXTENSION, value = "true")
    public Uni<Response> get(@PathParam("id") String id) {
        return commands.read(organisations.aggregate(), id, OrganisationResource::view);
    }

    @PUT
    @Path("{id}/name")
    @RolesAllowed(Role.INSPECTION_OFFICE)
    @Operation(operationId = "renameOrganisation",
            summary = "Rename an organisation; send If-Match with its ETag to refuse a stale change (412)",
            description = "Inspection offices only. Renaming to the current name changes nothing.")
    @APIResponse(responseCode = "200", description = "The organisation renamed, with its new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = OrganisationView.class)))
    public Uni<Response> rename(@PathParam("id") String id, @Valid @NotNull RenameOrganisationRequest request,
            @BeanParam CommandHeaders headers) {
        return commands.execute(organisations.aggregate(), id, headers, request,
                new Organisation.Rename(request.name()), Answer.ok(OrganisationResource::view));
    }

    @GET
    @RolesAllowed({ Role.INSPECTION_OFFICE, Role.TEAM_LEADER, Role.TEAM_MEMBER, Role.RECTIFICATION_OWNER,
            Role.DISCIPLINE_LIAISON, Role.ORGANISATION_LIAISON, Role.AUDITOR })
    @Operation(operationId = "listOrganisations",
            summary = "List organisations in registration order, a page at a time, within the caller's jurisdiction",
            description = "Pass the previous page's next cursor to read on; a jurisdiction outside the caller's"
                    + " subtree answers 403.")
    @APIResponse(responseCode = "200",
            description = "One page of organisations; next is the cursor of the following page, absent on the last")
    @APIResponse(responseCode = "422",
            description = "registeredFrom or registeredTo is not an RFC 3339 time, or limit is out of range")
    public Uni<Page<OrganisationView>> list(
            @Parameter(
                    description = "Only this jurisdiction's subtree (default: the caller's)") @QueryParam("jurisdiction") String jurisdiction,
            @QueryParam("kind") OrganisationKind kind,
            @Parameter(description = "Registered at or after (RFC 3339)") @QueryParam("registeredFrom") String from,
            @Parameter(description = "Registered before (RFC 3339)") @QueryParam("registeredTo") String to,
            @Parameter(description = "The next cursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 200 (default 50)") @QueryParam("limit") Integer limit) {
        Caller caller = callers.get();
        String scope = jurisdiction == null ? caller.jurisdiction() : jurisdiction;
        CurrentCaller.requireWithin(caller, scope);
        return directory.list(new OrganisationDirectory.Filter(scope, kind, instant("registeredFrom", from),
                instant("registeredTo", to)), cursor, Cursor.limit(limit));
    }

    /**
     * Refuses (422) an organisation located outside its managing jurisdiction's subtree, or whose managing
     * jurisdiction or location is not in the tree; the store is asked, not the read model, so a
     * jurisdiction registered a moment ago counts.
     */
    private Uni<Void> inTree(RegisterOrganisationRequest request) {
        String location = request.location() == null ? request.jurisdiction() : request.location();
        if (!Jurisdictions.contains(request.jurisdiction(), location)) {
            throw new ProblemException(Problem.of(ProblemType.VALIDATION_FAILED, "an organisation located in "
                    + location + " cannot be managed by jurisdiction " + request.jurisdiction()
                    + ": the location must lie in its subtree").withCode("location-outside-jurisdiction")
                    .withErrors(List.of(new Problem.FieldError("location", "outside the subtree of "
                            + request.jurisdiction()))));
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(request.jurisdiction(), "jurisdiction");
        fields.putIfAbsent(location, "location");
        return tree.missing(fields.keySet()).map(missing -> {
            if (missing.isEmpty()) {
                return null;
            }
            List<Problem.FieldError> errors = new ArrayList<>();
            if (missing.contains(request.jurisdiction())) {
                errors.add(new Problem.FieldError("jurisdiction",
                        request.jurisdiction() + " is not in the jurisdiction tree"));
            }
            if (missing.contains(location)) {
                errors.add(new Problem.FieldError("location", location + " is not in the jurisdiction tree"));
            }
            throw new ProblemException(Problem.of(ProblemType.VALIDATION_FAILED, "not in the jurisdiction tree: "
                    + String.join(", ", missing)).withCode("unknown-jurisdiction").withErrors(errors));
        });
    }

    private static OrganisationView view(AggregateRepository.Loaded<Organisation.State> loaded) {
        Organisation.State s = loaded.state();
        return new OrganisationView(s.organisationId(), s.name(), s.kind(), s.jurisdiction(), s.location(),
                loaded.version());
    }

    private static Instant instant(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new ProblemException(Problem.of(ProblemType.VALIDATION_FAILED,
                    name + " must be an RFC 3339 time such as 2026-01-31T00:00:00Z")
                    .withErrors(List.of(new Problem.FieldError(name, "not an RFC 3339 time"))));
        }
    }
}
