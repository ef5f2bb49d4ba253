package io.xunshi.inspection.infrastructure;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.xunshi.contracts.inspection.CadrePostChanged;
import io.xunshi.contracts.inspection.CadreRegistered;
import io.xunshi.contracts.inspection.CadreVetted;
import io.xunshi.kernel.eventstore.StoredEvent;
import io.xunshi.kernel.projection.Projection;
import io.xunshi.kernel.projection.Recorded;

/**
 * Keeps the {@code cadres} read model, which the pool's list and the suggested team read, from the cadre events:
 * one row per cadre with their present post, expertise and the checks passed. A change applies only to a row at an
 * older version, so a replayed event changes nothing.
 */
@ApplicationScoped
public class CadreDirectoryProjection implements Projection {

    private static final String REGISTER = "INSERT INTO cadres (cadre_id, jurisdiction, name, account, rank, expertise,"
            + " unit_id, unit_name, title, version, registered_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)"
            + " ON CONFLICT (cadre_id) DO NOTHING";
    private static final String POST = "UPDATE cadres SET unit_id = $2, unit_name = $3, title = $4, version = $5"
            + " WHERE cadre_id = $1 AND version < $5";
    private static final String VETTED = "UPDATE cadres SET checks = ARRAY(SELECT DISTINCT unnest(checks || $2::text)"
            + " ORDER BY 1), version = $3 WHERE cadre_id = $1 AND version < $3";

    @Override
    public String name() {
        return "cadres";
    }

    @Override
    public Set<Class<? extends Record>> events() {
        return Set.of(CadreRegistered.class, CadrePostChanged.class, CadreVetted.class);
    }

    @Override
    public Uni<Void> apply(SqlConnection conn, Recorded<?> recorded) {
        StoredEvent e = recorded.event();
        Object payload = recorded.payload();
        if (payload instanceof CadreRegistered r) {
            return conn.preparedQuery(REGISTER).execute(Tuple.tuple(Arrays.asList(e.streamId(), r.jurisdiction(),
                    r.name(), r.account(), r.rank(), r.expertise().toArray(String[]::new), r.post().unitId(),
                    r.post().unitName(), r.post().title(), e.version(),
                    OffsetDateTime.ofInstant(e.occurredAt(), ZoneOffset.UTC)))).replaceWithVoid();
        } else if (payload instanceof CadrePostChanged c) {
            return conn.preparedQuery(POST).execute(Tuple.tuple(List.of(e.streamId(), c.post().unitId(),
                    c.post().unitName(), c.post().title(), e.version()))).replaceWithVoid();
        } else if (payload instanceof CadreVetted v) {
            return conn.preparedQuery(VETTED).execute(Tuple.of(e.streamId(), v.check().name(), e.version()))
                    .replaceWithVoid();
        }
        throw new IllegalArgumentException("not an event of this projection: " + payload.getClass().getName());
    }

    @Override
    public Uni<Void> reset(SqlConnection conn) {
        return conn.query("DELETE FROM cadres").execute().replaceWithVoid();
    }
}
