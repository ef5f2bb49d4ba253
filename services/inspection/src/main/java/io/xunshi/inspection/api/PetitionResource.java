package io.xunshi.inspection.api;

import java.time.Instant;
import java.time.LocalDate;
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
import io.xunshi.inspection.application.PetitionDirectory;
import io.xunshi.inspection.application.PetitionSummary;
import io.xunshi.inspection.application.Petitions;
import io.xunshi.inspection.domain.Petition;
import io.xunshi.kernel.api.CommandResult;
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
 * Petitions (信访) received by inspection teams during their stationing: received, classified by whom they concern,
 * transferred and answered when out of scope; the reporter's identity sealed, opened only by the identity reader
 * with every opening recorded, and erasable.
 */
@Path("/petitions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Petitions")
public class PetitionResource {

    private static final String BASE = "/api/v1/petitions/";
    private static final String OWN_TEAM_LEADERS = "only the leader and deputy leaders of the team that received the"
            + " petition, and the inspection office, do this";
    private static final Answer<Petition.State> VIEW = Answer.ok(PetitionView::of);

    @Inject
    Petitions petitions;

    @Inject
    PetitionDirectory directory;

    @Inject
    CommandPath commands;

    @Inject
    CurrentCaller callers;

    @POST
    @RolesAllowed({ Role.TEAM_MEMBER, Role.TEAM_LEADER, Role.INSPECTION_OFFICE })
    @Operation(operationId = "receivePetition", summary = "Record a petition (信访) the team received while stationed",
            description = "By letter, telephone, visit or online, while the inspection is STATIONED (409"
                    + " inspection-not-stationed) and not dated before the stationing (422). The members of the"
                    + " inspection's own team (403 for another team's) and inspection offices; an inspection outside"
                    + " the caller's subtree answers 404. The reporter's name and contact are personal data: sealed"
                    + " under a subject of the reporter's own before the petition is recorded, never answered; the"
                    + " petition answers reporterSubject instead. Answers 201 with Location and ETag.")
    @APIResponse(responseCode = "201", description = "The petition recorded, with its Location and ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PetitionView.class)))
    @APIResponse(responseCode = "404",
            description = "An inspection the request names does not exist, or lies outside the caller's subtree")
    public Uni<Response> receive(@Valid @NotNull ReceivePetitionRequest request, @BeanParam CreationHeaders headers) {
        String id = UUID.randomUUID().toString();
        Uni<Informant> reporter = request.reporter() == null
                ? Uni.createFrom().nullItem()
                : petitions.seal(request.reporter().name(), request.reporter().contact());
        return reporter.flatMap(sealed -> commands.run(headers, request,
                petitions.receiving(id, request.inspectionId(), request.channel(), Days.orToday(request.receivedOn()),
                        request.summary(), request.concerns(), sealed),
                Answer.created(received -> BASE + id, PetitionView::of)));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Role.INSPECTION_OFFICE, Role.TEAM_LEADER, Role.TEAM_MEMBER, Role.AUDITOR })
    @Operation(operationId = "getPetition", summary = "Read one petition; its ETag is its version",
            description = "Never the reporter's identity: only the subject it is sealed under and whether it was"
                    + " erased. A petition outside the caller's subtree answers 404.")
    @APIResponse(responseCode = "200", description = "The petition, with its version as ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PetitionView.class)))
    @Extension(name = OpenApiConventions.ETAG_EXTENSION, value = "true")
    public Uni<Response> get(@PathParam("id") String id) {
        return commands.read(petitions.aggregate(), id, PetitionView::of);
    }

    @POST
    @Path("{id}/classification")
    @RolesAllowed({ Role.TEAM_LEADER, Role.INSPECTION_OFFICE })
    @Operation(operationId = "classifyPetition", summary = "Decide whom the petition concerns: in scope or out of it",
            description = "Once (409 petition-already-classified). The leadership team, one of its members or an"
                    + " official in a key post: material for findings and problem clues; OUT_OF_SCOPE: to be"
                    + " transferred to its department. The leader or a deputy leader of the team that received it,"
                    + " and inspection offices.")
    @APIResponse(responseCode = "200", description = "The petition classified, with its new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PetitionView.class)))
    public Uni<Response> classify(@PathParam("id") String id, @Valid @NotNull ClassifyPetitionRequest request,
            @BeanParam CommandHeaders headers) {
        return commands.execute(petitions.aggregate(), id, headers, request, petitions.leaders(), OWN_TEAM_LEADERS,
                new Petition.Classify(request.scope(), callers.get().subject(), Days.orToday(request.classifiedOn())),
                VIEW);
    }

    @POST
    @Path("{id}/transfer")
    @RolesAllowed({ Role.TEAM_LEADER, Role.INSPECTION_OFFICE })
    @Operation(operationId = "transferPetition",
            summary = "Transfer a petition out of scope to the department it belongs to (转交)",
            description = "Only a petition classified OUT_OF_SCOPE, once (409 petition-not-out-of-scope); its answer is"
                    + " due after xunshi.inspection.petition.transfer-answer-days (30 by default), and the list of"
                    + " petitions shows the overdue ones (answerOverdue=true). The leader or a deputy leader of the"
                    + " team that received it, and inspection offices.")
    @APIResponse(responseCode = "200", description = "The petition transferred, with its new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PetitionView.class)))
    public Uni<Response> transfer(@PathParam("id") String id, @Valid @NotNull TransferPetitionRequest request,
            @BeanParam CommandHeaders headers) {
        return commands.execute(petitions.aggregate(), id, headers, request, petitions.leaders(), OWN_TEAM_LEADERS,
                new Petition.Transfer(request.department(), Days.orToday(request.transferredOn()),
                        petitions.answerDays()),
                VIEW);
    }

    @POST
    @Path("{id}/answer")
    @RolesAllowed({ Role.TEAM_LEADER, Role.INSPECTION_OFFICE })
    @Operation(operationId = "recordTransferAnswer",
            summary = "Record the answer of the department a petition was transferred to",
            description = "Only a TRANSFERRED petition, once (409 petition-not-transferred); the petition is ANSWERED,"
                    + " late when after its due date. The leader or a deputy leader of the team that received it, and"
                    + " inspection offices.")
    @APIResponse(responseCode = "200", description = "The petition answered, with its new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PetitionView.class)))
    public Uni<Response> answer(@PathParam("id") String id, @Valid @NotNull TransferAnswerRequest request,
            @BeanParam CommandHeaders headers) {
        return commands.execute(petitions.aggregate(), id, headers, request, petitions.leaders(), OWN_TEAM_LEADERS,
                new Petition.RecordAnswer(request.answer(), Days.orToday(request.answeredOn())), VIEW);
    }

    @POST
    @Path("{id}/identity-openings")
    @RolesAllowed(Role.IDENTITY_READER)
    @Operation(operationId = "openReporterIdentity",
            summary = "Open the reporter's sealed identity, the opening recorded first",
            description = "The identity reader only, within their subtree (404 outside it). Who, when and why is"
                    + " appended to the petition (ReporterIdentityRead) before the name and contact are answered, so"
                    + " every disclosure is on the record auditors read; a retry is another opening, so the operation"
                    + " takes no Idempotency-Key and nothing of the answer is kept. 409 petition-anonymous without a"
                    + " reporter, reporter-erased once erased. Answered with Cache-Control: no-store.")
    @APIResponse(responseCode = "200", description = "The reporter's name and contact, in clear",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Petitions.Identity.class)))
    @APIResponse(responseCode = "409",
            description = "The petition was received anonymously (petition-anonymous), or its reporter was erased"
                    + " (reporter-erased)")
    public Uni<Response> openIdentity(@PathParam("id") String id, @Valid @NotNull ReasonRequest request) {
        return commands.run(new CommandHeaders(null, null), request, petitions.opening(id, request.reason()),
                identity -> new CommandResult(200, Map.of("Cache-Control", "no-store"), identity));
    }

    @GET
    @Path("{id}/identity-openings")
    @RolesAllowed(Role.AUDITOR)
    @Operation(operationId = "listIdentityOpenings", summary = "The record of who opened the reporter's identity",
            description = "Every opening of the petition's reporter, oldest first: who, when and why. Auditors, within"
                    + " their subtree (404 outside it).")
    @APIResponse(responseCode = "200", description = "The openings, with the petition's version as ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = IdentityOpening.class,
                            type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY)))
    @Extension(name = OpenApiConventions.ETAG_EXTENSION, value = "true")
    public Uni<Response> identityOpenings(@PathParam("id") String id) {
        return commands.read(petitions.aggregate(), id, loaded -> loaded.state().identityReads().stream()
                .map(r -> new IdentityOpening(r.readBy(), r.reason(), r.readAt())).toList());
    }

    /** One recorded opening of a reporter's identity. */
    public record IdentityOpening(String readBy, String reason, Instant readAt) {
    }

    @POST
    @Path("{id}/reporter-erasure")
    @RolesAllowed(Role.INSPECTION_OFFICE)
    @Operation(operationId = "eraseReporter", summary = "Erase the reporter's identity everywhere",
            description = "The subject's key is destroyed in the transaction that records the erasure"
                    + " (ReporterErased): the sealed name and contact can be opened nowhere again — not by this API,"
                    + " not from the topic, the store or a projection rebuilt later — while every event stays as"
                    + " written and the hash chains verify. Once (409 reporter-erased; petition-anonymous without a"
                    + " reporter). Inspection offices, within their subtree.")
    @APIResponse(responseCode = "200", description = "The petition with its reporter erased, with its new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PetitionView.class)))
    public Uni<Response> erase(@PathParam("id") String id, @Valid @NotNull ReasonRequest request,
            @BeanParam CommandHeaders headers) {
        return commands.execute(petitions.aggregate(), id, headers, request,
                new Petition.EraseReporter(callers.get().subject(), request.reason(), Instant.now()), VIEW);
    }

    @GET
    @RolesAllowed({ Role.INSPECTION_OFFICE, Role.TEAM_LEADER, Role.TEAM_MEMBER, Role.AUDITOR })
    @Operation(operationId = "listPetitions",
            summary = "List petitions in the order they were received, a page at a time, within the caller's jurisdiction",
            description = "Served from a read model that follows the store within about a second; it holds no part of"
                    + " a reporter's identity. Filter by inspectionId, by status, or answerOverdue=true for transfers"
                    + " unanswered past their due date. A jurisdiction outside the caller's subtree answers 403.")
    @APIResponse(responseCode = "200",
            description = "One page of petitions; next is the cursor of the following page, absent on the last")
    public Uni<Page<PetitionSummary>> list(
            @Parameter(
                    description = "Only petitions of this jurisdiction's subtree (default: the caller's)") @QueryParam("jurisdiction") String jurisdiction,
            @Parameter(
                    description = "Only the petitions of this inspection") @QueryParam("inspectionId") String inspectionId,
            @Parameter(description = "Only petitions in this status: RECEIVED, IN_SCOPE, OUT_OF_SCOPE, TRANSFERRED or"
                    + " ANSWERED") @QueryParam("status") String status,
            @Parameter(
                    description = "Only transfers whose answer is overdue today (Asia/Shanghai)") @QueryParam("answerOverdue") Boolean answerOverdue,
            @Parameter(description = "The next cursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 200 (default 50)") @QueryParam("limit") Integer limit) {
        Caller caller = callers.get();
        String scope = jurisdiction == null ? caller.jurisdiction() : jurisdiction;
        CurrentCaller.requireWithin(caller, scope);
        LocalDate overdueOn = Boolean.TRUE.equals(answerOverdue) ? Days.orToday(null) : null;
        return directory.list(new PetitionDirectory.Filter(scope, QueryValues.text(inspectionId),
                QueryValues.oneOf(Petition.PetitionStatus.class, "status", status), overdueOn), cursor,
                Cursor.limit(limit));
    }

}
