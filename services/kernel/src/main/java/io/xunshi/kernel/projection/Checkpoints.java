package io.xunshi.kernel.projection;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import io.xunshi.kernel.eventstore.GlobalPosition;

/** The {@code checkpoints} rows of projections of the own store: the last event each one has applied. */
final class Checkpoints {

    private static final String READ = "SELECT tx_id::text AS tx, position FROM checkpoints WHERE name = $1";
    private static final String SAVE = "INSERT INTO checkpoints (name, tx_id, position) VALUES ($1, $2::text::xid8, $3)"
            + " ON CONFLICT (name) DO UPDATE SET tx_id = EXCLUDED.tx_id, position = EXCLUDED.position,"
            + " updated_at = clock_timestamp()";
    private static final String PROGRESS = "SELECT coalesce(c.position, 0) AS position, (SELECT count(*) FROM events e"
            + " WHERE (e.tx_id, e.global_position) > (coalesce(c.tx_id, '0'::xid8), coalesce(c.position, 0))) AS behind"
            + " FROM (SELECT 1) one LEFT JOIN checkpoints c ON c.name = $1";

    private Checkpoints() {
    }

    static Uni<GlobalPosition> read(SqlClient client, String name) {
        return client.preparedQuery(READ).execute(Tuple.of(name)).map(rows -> {
            RowIterator<Row> it = rows.iterator();
            if (!it.hasNext()) {
                return GlobalPosition.START;
            }
            Row row = it.next();
            return new GlobalPosition(Long.parseUnsignedLong(row.getString("tx")), row.getLong("position"));
        });
    }

    static Uni<Void> save(SqlClient client, String name, GlobalPosition position) {
        return client.preparedQuery(SAVE)
                .execute(Tuple.of(name, Long.toUnsignedString(position.txId()), position.position()))
                .replaceWithVoid();
    }

    /**
     * The global position of the projection's checkpoint and how many stored events lie after it,
     * including those of transactions still running; one round trip.
     */
    static Uni<Progress> progress(SqlClient client, String name) {
        return client.preparedQuery(PROGRESS).execute(Tuple.of(name)).map(rows -> {
            Row row = rows.iterator().next();
            return new Progress(row.getLong("position"), row.getLong("behind"));
        });
    }

    /** Where a projection stands: the global position of its last event, and the events after it. */
    record Progress(long position, long behind) {
    }
}
