package io.xunshi.rectification.infrastructure;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.xunshi.contracts.rectification.PublicViewPublished;
import io.xunshi.kernel.projection.Projection;
import io.xunshi.kernel.projection.Recorded;

/**
 * Keeps {@code rectification_public_views}: each case's public view as last published, which the public list serves.
 * It follows {@link PublicViewPublished} alone, so nothing else of a case can reach it.
 */
@ApplicationScoped
public class PublicViewProjection implements Projection {

    private static final String UPSERT = "INSERT INTO rectification_public_views (case_id, version, published_on,"
            + " jurisdiction, view) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (case_id) DO UPDATE SET version ="
            + " EXCLUDED.version, published_on = EXCLUDED.published_on, jurisdiction = EXCLUDED.jurisdiction, view ="
            + " EXCLUDED.view WHERE rectification_public_views.version < EXCLUDED.version";

    private final ObjectMapper json;

    @Inject
    public PublicViewProjection(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public String name() {
        return "rectification-public-views";
    }

    @Override
    public Set<Class<? extends Record>> events() {
        return Set.of(PublicViewPublished.class);
    }

    @Override
    public Uni<Void> apply(SqlConnection conn, Recorded<?> recorded) {
        PublicViewPublished v = (PublicViewPublished) recorded.payload();
        JsonObject view;
        try {
            view = new JsonObject(json.writeValueAsString(v));
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        return conn.preparedQuery(UPSERT).execute(Tuple.of(recorded.event().streamId(), recorded.event().version(),
                v.publishedOn(), v.jurisdiction(), view)).replaceWithVoid();
    }

    @Override
    public Uni<Void> reset(SqlConnection conn) {
        return conn.query("DELETE FROM rectification_public_views").execute().replaceWithVoid();
    }
}
