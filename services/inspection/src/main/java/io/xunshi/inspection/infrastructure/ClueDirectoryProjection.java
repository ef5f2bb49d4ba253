package io.xunshi.inspection.infrastructure;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.xunshi.contracts.inspection.ClueAcknowledged;
import io.xunshi.contracts.inspection.ClueDisposed;
import io.xunshi.contracts.inspection.ClueHandedOver;
import io.xunshi.inspection.domain.Clue;
import io.xunshi.kernel.eventstore.StoredEvent;
import io.xunshi.kernel.projection.Projection;
import io.xunshi.kernel.projection.Recorded;

/**
 * Keeps the {@code clues} read model from the clue events: one row per clue with its receiver, due date and where its
 * loop is. A change applies only to a row at an older version, so a replayed event changes nothing.
 */
@ApplicationScoped
public class ClueDirectoryProjection implements Projection {

    private static final String HANDED_OVER = "INSERT INTO clues (clue_id, inspection_id, jurisdiction,"
            + " organisation_id, category, receiver, receiver_unit, summary, handed_over_on, due_on, status, version,"
            + " handed_over_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)"
            + " ON CONFLICT (clue_id) DO NOTHING";
    private static final String ACKNOWLEDGED = "UPDATE clues SET acknowledged_on = $2, status = $3, version = $4"
            + " WHERE clue_id = $1 AND version < $4";
    private static final String DISPOSED = "UPDATE clues SET disposition = $2, disposed_on = $3, late = $4,"
            + " status = $5, version = $6 WHERE clue_id = $1 AND version < $6";

    @Override
    public String name() {
        return "clues";
    }

    @Override
    public Set<Class<? extends Record>> events() {
        return Set.of(ClueHandedOver.class, ClueAcknowledged.class, ClueDisposed.class);
    }

    @Override
    public Uni<Void> apply(SqlConnection conn, Recorded<?> recorded) {
        StoredEvent e = recorded.event();
        Object payload = recorded.payload();
        if (payload instanceof ClueHandedOver h) {
            return conn.preparedQuery(HANDED_OVER).execute(Tuple.tuple(Arrays.asList(e.streamId(), h.inspectionId(),
                    h.jurisdiction(), h.organisationId(), h.category().name(), h.receiver().name(), h.receiverUnit(),
                    h.summary(), h.handedOverOn(), h.dueOn(), Clue.ClueStatus.HANDED_OVER.name(), e.version(),
                    OffsetDateTime.ofInstant(e.occurredAt(), ZoneOffset.UTC)))).replaceWithVoid();
        } else if (payload instanceof ClueAcknowledged a) {
            return conn.preparedQuery(ACKNOWLEDGED).execute(Tuple.of(e.streamId(), a.acknowledgedOn(),
                    Clue.ClueStatus.ACKNOWLEDGED.name(), e.version())).replaceWithVoid();
        } else if (payload instanceof ClueDisposed d) {
            return conn.preparedQuery(DISPOSED).execute(Tuple.tuple(Arrays.asList(e.streamId(),
                    d.disposition().name(), d.disposedOn(), d.late(), Clue.ClueStatus.DISPOSED.name(), e.version())))
                    .replaceWithVoid();
        }
        throw new IllegalArgumentException("not an event of this projection: " + payload.getClass().getName());
    }

    @Override
    public Uni<Void> reset(SqlConnection conn) {
        return conn.query("DELETE FROM clues").execute().replaceWithVoid();
    }
}
