package io.xunshi.coordination.infrastructure;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.xunshi.contracts.inspection.InspectionClosed;
import io.xunshi.contracts.inspection.InspectionOpened;
import io.xunshi.kernel.consumer.Delivered;
import io.xunshi.kernel.projection.TopicProjection;

/**
 * Inspections for the roll-ups, from the inspection service's topic: one row per inspection with the
 * inspecting jurisdiction and whether it was closed. Both statements are upserts that only ever set a fact,
 * so a redelivered event, or an opening and a closing in one batch, give the same row.
 */
@ApplicationScoped
public class InspectionRollUpProjection implements TopicProjection {

    public static final String NAME = "inspection-roll-up";

    private static final String OPENED = "INSERT INTO roll_up_inspections (inspection_id, jurisdiction) VALUES ($1, $2)"
            + " ON CONFLICT (inspection_id) DO UPDATE SET jurisdiction = EXCLUDED.jurisdiction";
    private static final String CLOSED = "INSERT INTO roll_up_inspections (inspection_id, closed) VALUES ($1, true)"
            + " ON CONFLICT (inspection_id) DO UPDATE SET closed = true";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<Class<? extends Record>> events() {
        return Set.of(InspectionOpened.class, InspectionClosed.class);
    }

    /** Counted by the jurisdiction it happened in, so an opening without one cannot be counted. */
    @Override
    public Optional<String> unusable(Delivered<?> e) {
        return e.payload() instanceof InspectionOpened o && (o.jurisdiction() == null || o.jurisdiction().isBlank())
                ? Optional.of("lacks jurisdiction")
                : Optional.empty();
    }

    @Override
    public Uni<Void> apply(SqlConnection conn, Delivered<?> event) {
        return applyAll(conn, List.of(event));
    }

    @Override
    public Uni<Void> applyAll(SqlConnection conn, List<Delivered<?>> events) {
        List<Tuple> opened = new ArrayList<>();
        List<Tuple> closed = new ArrayList<>();
        for (Delivered<?> e : events) {
            if (e.payload() instanceof InspectionOpened o) {
                opened.add(Tuple.of(idOr(o.inspectionId(), e), o.jurisdiction()));
            } else {
                closed.add(Tuple.of(idOr(e.payloadAs(InspectionClosed.class).inspectionId(), e)));
            }
        }
        return RollUpStatements.batch(conn, OPENED, opened)
                .flatMap(done -> RollUpStatements.batch(conn, CLOSED, closed));
    }

    /** The inspection's id, or the event's subject (its stream) when the payload lacks it. */
    static String idOr(String id, Delivered<?> e) {
        return id != null ? id : e.event().subject();
    }

    @Override
    public Uni<Void> reset(SqlConnection conn) {
        return conn.query("DELETE FROM roll_up_inspections").execute().replaceWithVoid();
    }
}
