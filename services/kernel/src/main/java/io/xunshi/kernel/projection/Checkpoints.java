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
    private static final String BEHIND = "SELECT count(*) AS n FROM events"
            + " WHERE (tx_id, global_position) > ($1::text::xid8, $2)";

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

    /** How many stored events lie after {@code position}, including those of transactions still running. */
    static Uni<Long> eventsAfter(SqlClient client, GlobalPosition position) {
        return client.preparedQuery(BEHIND).execute(Tuple.of(Long.toUnsignedString(position.txId()),
                position.position())).map(rows -> rows.iterator().next().getLong("n"));
    }
}
