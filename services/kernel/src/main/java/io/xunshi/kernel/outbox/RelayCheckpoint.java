package io.xunshi.kernel.outbox;

import java.time.Duration;

import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import io.xunshi.kernel.eventstore.GlobalPosition;

/**
 * Where the relay has got to in the store's global order: the last event Kafka acknowledged, kept as a
 * row of the {@code checkpoints} table. It only moves forward, so a relay that lost its lock without
 * noticing can never take it back behind the one that took over.
 */
final class RelayCheckpoint {

    static final String NAME = "outbox-relay";

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private RelayCheckpoint() {
    }

    static GlobalPosition load(SqlClient client) {
        client.preparedQuery("INSERT INTO checkpoints (name) VALUES ($1) ON CONFLICT (name) DO NOTHING")
                .execute(Tuple.of(NAME)).await().atMost(TIMEOUT);
        Row row = client.preparedQuery("SELECT tx_id::text AS tx, position FROM checkpoints WHERE name = $1")
                .execute(Tuple.of(NAME)).await().atMost(TIMEOUT).iterator().next();
        return new GlobalPosition(Long.parseUnsignedLong(row.getString("tx")), row.getLong("position"));
    }

    static void save(SqlClient client, GlobalPosition reached) {
        client.preparedQuery("UPDATE checkpoints SET tx_id = $2::text::xid8, position = $3,"
                + " updated_at = clock_timestamp() WHERE name = $1 AND (tx_id, position) < ($2::text::xid8, $3)")
                .execute(Tuple.of(NAME, Long.toUnsignedString(reached.txId()), reached.position()))
                .await().atMost(TIMEOUT);
    }
}
