package io.xunshi.rectification.api;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.xunshi.contracts.rectification.EvaluationGrade;
import io.xunshi.kernel.domain.Jurisdictions;
import io.xunshi.kernel.security.CurrentCaller;
import io.xunshi.kernel.security.Role;
import io.xunshi.rectification.application.EvaluationSettings;
import io.xunshi.rectification.domain.EvaluationModel;

/** The scored evaluation model (整改评估) a level's inspection office applies: published rules, for every party. */
@Path("/rectification-evaluation-model")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Rectification cases")
public class EvaluationModelResource {

    @Inject
    EvaluationSettings settings;

    @Inject
    CurrentCaller callers;

    /** One criterion and its weight: the most it can lose. */
    @Schema(name = "EvaluationCriterion")
    public record Criterion(String code, int weight) {
    }

    /** A level's model: full marks less the deductions is the score; the score's grade decides effective or not. */
    @Schema(name = "EvaluationModel")
    public record Model(@Schema(description = "The level of the jurisdiction asked for", enumeration = {
            "CENTRAL",
            "PROVINCIAL", "CITY", "COUNTY", "BELOW_COUNTY" }) String level,
            int fullMarks, List<Criterion> criteria,
            @Schema(description = "The lowest score graded EXCELLENT (好)") int excellentFrom,
            @Schema(description = "The lowest score graded GOOD (较好)") int goodFrom,
            @Schema(description = "The lowest score graded FAIR (一般); below it, POOR (差)") int fairFrom,
            @Schema(description = "The grades that make the rectification effective") List<EvaluationGrade> effectiveGrades) {
    }

    @GET
    @RolesAllowed({ Role.INSPECTION_OFFICE, Role.TEAM_LEADER, Role.TEAM_MEMBER, Role.RECTIFICATION_OWNER,
            Role.DISCIPLINE_LIAISON, Role.ORGANISATION_LIAISON, Role.AUDITOR, Role.PUBLIC })
    @Operation(operationId = "getEvaluationModel",
            summary = "Read the scored evaluation model of an inspecting level (整改评估)",
            description = "The model the inspection office of that jurisdiction's level scores rectification on: full"
                    + " marks, the criteria an evaluation deducts from (codes for evaluateRectification's deductions),"
                    + " the grades' lowest scores and the effective grades. Configuration"
                    + " (xunshi.rectification.evaluation.<level>); the same for every caller.")
    @APIResponse(responseCode = "200", description = "The level's model",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Model.class)))
    public Model getEvaluationModel(
            @Parameter(description = "An inspecting jurisdiction, whose level's model is answered (default: the"
                    + " caller's)") @QueryParam("jurisdiction") String jurisdiction) {
        // The caller's token is checked (its jurisdiction claim) even though the answer is the same for all.
        String home = callers.get().jurisdiction();
        String scope = jurisdiction == null ? home : jurisdiction;
        Patterns.jurisdiction("jurisdiction", scope);
        EvaluationModel model = settings.models().forJurisdiction(scope);
        return new Model(Jurisdictions.level(scope).name(), model.fullMarks(), model.criteria().entrySet().stream()
                .map(c -> new Criterion(c.getKey(), c.getValue())).toList(), model.excellentFrom(), model.goodFrom(),
                model.fairFrom(), model.effective().stream().sorted().toList());
    }
}
