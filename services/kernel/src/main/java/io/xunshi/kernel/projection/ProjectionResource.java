package io.xunshi.kernel.projection;

import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;
import io.xunshi.kernel.api.ProblemException;
import io.xunshi.kernel.api.ProblemType;
import io.xunshi.kernel.domain.Jurisdictions;
import io.xunshi.kernel.security.CurrentCaller;
import io.xunshi.kernel.security.Role;

/**
 * The service's read models, for operators: which there are and how far behind, and a rebuild on demand
 * (docs/adr/0004-projection-rebuild.md) — e.g. to apply a topic projection's dead letters once a new release
 * can use them. A projection spans every jurisdiction, so only the Centre's operators may rebuild one.
 */
@Path("/projections")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Projections")
public class ProjectionResource {

    @Schema(name = "Projection")
    public record ProjectionView(String name,
            @Schema(description = "STORE (fed from the service's own event store) or TOPIC (from a Kafka topic)") String source,
            @Schema(description = "The topic it reads, for a TOPIC projection") String topic,
            @Schema(description = "Events or records not applied yet, as last measured") long lag) {
    }

    @Inject
    ProjectionRunner store;

    @Inject
    TopicProjectionRunner topics;

    @Inject
    CurrentCaller callers;

    @GET
    @RolesAllowed(Role.OPERATOR)
    @Operation(operationId = "listProjections", summary = "List the service's read models and how far behind each is",
            description = "Operators.")
    @APIResponse(responseCode = "200", description = "Every read model of the service, with its lag")
    public List<ProjectionView> list() {
        callers.get();
        List<ProjectionView> views = new ArrayList<>();
        store.names().forEach(name -> views.add(new ProjectionView(name, "STORE", null, store.lag(name))));
        topics.topics().forEach((name, topic) -> views.add(new ProjectionView(name, "TOPIC", topic, topics.lag(name))));
        return views;
    }

    @POST
    @Path("{name}/rebuild")
    @RolesAllowed(Role.OPERATOR)
    @Operation(operationId = "rebuildProjection", summary = "Rebuild a read model from the beginning of its source",
            description = "The Centre's operators only (a read model spans every jurisdiction). Empties the projection"
                    + " and applies its whole source again in one transaction, while readers keep the old rows until"
                    + " it commits; answers when done, with the number of events and the time taken. 404 for an"
                    + " unknown name.")
    @APIResponse(responseCode = "200",
            description = "The read model rebuilt: how many events it applied and how long it took")
    public Uni<RebuildReport> rebuild(@PathParam("name") String name) {
        if (!Jurisdictions.CENTRE.equals(callers.get().jurisdiction())) {
            throw new ProblemException(ProblemType.FORBIDDEN, "only the Centre's operators rebuild read models");
        }
        if (store.names().contains(name)) {
            return store.rebuild(name);
        }
        if (topics.topics().containsKey(name)) {
            return topics.rebuild(name);
        }
        throw new ProblemException(ProblemType.NOT_FOUND, "projection " + name + " not found");
    }
}
