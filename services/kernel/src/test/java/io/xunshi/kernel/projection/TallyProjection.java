package io.xunshi.kernel.projection;

import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.xunshi.kernel.eventstore.StoredEvent;

/** A read model of the own store: per stream, how many amounts were tallied and their total. */
@ApplicationScoped
public class TallyProjection implements Projection {

    public static final String NAME = "kernel-test-tally";
    public static final String TALLIED = "xunshi.test.Tallied";
    private static final String UPSERT = "INSERT INTO test_tallies (stream_id, jurisdiction, events, total,"
            + " last_version) VALUES ($1, $2, 1, $3, $4) ON CONFLICT (stream_id) DO UPDATE SET"
            + " events = test_tallies.events + 1, total = test_tallies.total + EXCLUDED.total,"
            + " last_version = EXCLUDED.last_version";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(TALLIED);
    }

    @Override
    public Uni<Void> apply(SqlConnection conn, StoredEvent event) {
        return applyAll(conn, List.of(event));
    }

    /** One round trip for the whole batch: each upsert only adds to the row, never reads it first. */
    @Override
    public Uni<Void> applyAll(SqlConnection conn, List<StoredEvent> events) {
        return conn.preparedQuery(UPSERT).executeBatch(events.stream().map(event -> Tuple.of(event.streamId(),
                event.jurisdiction(), event.payload().path("amount").asLong(), event.version())).toList())
                .replaceWithVoid();
    }

    @Override
    public Uni<Void> reset(SqlConnection conn) {
        return conn.query("DELETE FROM test_tallies").execute().replaceWithVoid();
    }
}
