package io.xunshi.kernel.projection;

import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** A read model of the own store: per stream, how many amounts were tallied and their total. */
@ApplicationScoped
public class TallyProjection implements Projection {

    public static final String NAME = "kernel-test-tally";
    public static final String TALLIED = Tallied.TYPE;

    /** The event it reads: an amount to add to its stream's total. */
    public record Tallied(long amount) {

        public static final String TYPE = "xunshi.test.Tallied";
        public static final int VERSION = 1;
    }
    private static final String UPSERT = "INSERT INTO test_tallies (stream_id, jurisdiction, events, total,"
            + " last_version) VALUES ($1, $2, 1, $3, $4) ON CONFLICT (stream_id) DO UPDATE SET"
            + " events = test_tallies.events + 1, total = test_tallies.total + EXCLUDED.total,"
            + " last_version = EXCLUDED.last_version";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<Class<? extends Record>> events() {
        return Set.of(Tallied.class);
    }

    @Override
    public Uni<Void> apply(SqlConnection conn, Recorded<?> event) {
        return applyAll(conn, List.of(event));
    }

    /** One round trip for the whole batch: each upsert only adds to the row, never reads it first. */
    @Override
    public Uni<Void> applyAll(SqlConnection conn, List<Recorded<?>> events) {
        return conn.preparedQuery(UPSERT).executeBatch(events.stream().map(e -> Tuple.of(e.event().streamId(),
                e.event().jurisdiction(), e.payloadAs(Tallied.class).amount(), e.event().version())).toList())
                .replaceWithVoid();
    }

    @Override
    public Uni<Void> reset(SqlConnection conn) {
        return conn.query("DELETE FROM test_tallies").execute().replaceWithVoid();
    }
}
