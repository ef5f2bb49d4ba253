package io.xunshi.kernel.projection;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** The {@code topic_offsets} rows of one projection fed from Kafka: the next offset to read, by partition. */
final class TopicOffsets {

    private static final String READ = "SELECT partition, next_offset FROM topic_offsets"
            + " WHERE consumer = $1 AND topic = $2";
    private static final String SAVE = "INSERT INTO topic_offsets (consumer, topic, partition, next_offset)"
            + " VALUES ($1, $2, $3, $4) ON CONFLICT (consumer, topic, partition)"
            + " DO UPDATE SET next_offset = EXCLUDED.next_offset, updated_at = clock_timestamp()";
    private static final String CLEAR = "DELETE FROM topic_offsets WHERE consumer = $1 AND topic = $2";

    private TopicOffsets() {
    }

    static Uni<Map<Integer, Long>> read(SqlClient client, String consumer, String topic) {
        return query(client, READ, consumer, topic);
    }

    /** Reads and locks them, so a second writer of the same partitions waits and then sees what was applied. */
    static Uni<Map<Integer, Long>> lock(SqlClient client, String consumer, String topic) {
        return query(client, READ + " FOR UPDATE", consumer, topic);
    }

    static Uni<Void> save(SqlClient client, String consumer, String topic, Map<Integer, Long> nextOffsets) {
        if (nextOffsets.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> rows = new ArrayList<>(nextOffsets.size());
        nextOffsets.forEach((partition, next) -> rows.add(Tuple.of(consumer, topic, partition, next)));
        return client.preparedQuery(SAVE).executeBatch(rows).replaceWithVoid();
    }

    static Uni<Void> clear(SqlClient client, String consumer, String topic) {
        return client.preparedQuery(CLEAR).execute(Tuple.of(consumer, topic)).replaceWithVoid();
    }

    private static Uni<Map<Integer, Long>> query(SqlClient client, String sql, String consumer, String topic) {
        return client.preparedQuery(sql).execute(Tuple.of(consumer, topic)).map(rows -> {
            Map<Integer, Long> offsets = new HashMap<>();
            for (Row row : rows) {
                offsets.put(row.getInteger("partition"), row.getLong("next_offset"));
            }
            return offsets;
        });
    }
}
