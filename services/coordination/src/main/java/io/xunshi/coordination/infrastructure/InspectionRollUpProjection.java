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
import io.xunshi.kernel.consumer.IncomingEvent;
import io.xunshi.kernel.projection.TopicProjection;

/**
 * Inspections for the roll-ups, from the inspection service's topic: one row per inspection with the
 * inspecting jurisdiction and whether it was closed. Both statements are upserts that only ever set a fact,
 * so a redelivered event, or an opening and a closing in one batch, give the same row.
 */
@ApplicationScoped
public class InspectionRollUpProjection implements TopicProjection {

    public static final String NAME = "inspection-roll-up";
    public static final String TOPIC = "xunshi.inspection.events";

    private static final String OPENED = "INSERT INTO roll_up_inspections (inspection_id, jurisdiction) VALUES ($1, $2)"
            + " ON CONFLICT (inspection_id) DO UPDATE SET jurisdiction = EXCLUDED.jurisdiction";
    private static final String CLOSED = "INSERT INTO roll_up_inspections (inspection_id, closed) VALUES ($1, true)"
            + " ON CONFLICT (inspection_id) DO UPDATE SET closed = true";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String topic() {
        return TOPIC;
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(InspectionOpened.TYPE, InspectionClosed.TYPE);
    }

    /** Counted by the jurisdiction it happened in, so an opening without one cannot be counted. */
    @Override
    public Optional<String> unusable(IncomingEvent e) {
        return e.type().equals(InspectionOpened.TYPE) ? e.missingText("jurisdiction") : Optional.empty();
    }

    @Override
    public Uni<Void> apply(SqlConnection conn, IncomingEvent event) {
        return applyAll(conn, List.of(event));
    }

    @Override
    public Uni<Void> applyAll(SqlConnection conn, List<IncomingEvent> events) {
        List<Tuple> opened = new ArrayList<>();
        List<Tuple> closed = new ArrayList<>();
        for (IncomingEvent e : events) {
            String id = e.payload().path("inspectionId").asText(e.subject());
            if (e.type().equals(InspectionOpened.TYPE)) {
                opened.add(Tuple.of(id, e.payload().path("jurisdiction").asText()));
            } else {
                closed.add(Tuple.of(id));
            }
        }
        return RollUpStatements.batch(conn, OPENED, opened).flatMap(done -> RollUpStatements.batch(conn, CLOSED, closed));
    }

    @Override
    public Uni<Void> reset(SqlConnection conn) {
        return conn.query("DELETE FROM roll_up_inspections").execute().replaceWithVoid();
    }
}
