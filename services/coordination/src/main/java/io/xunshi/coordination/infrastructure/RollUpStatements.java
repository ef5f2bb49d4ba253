package io.xunshi.coordination.infrastructure;

import java.util.List;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** One round trip for a statement over a batch's rows, none for no rows. */
final class RollUpStatements {

    private RollUpStatements() {
    }

    static Uni<Void> batch(SqlConnection conn, String sql, List<Tuple> rows) {
        return rows.isEmpty()
                ? Uni.createFrom().voidItem()
                : conn.preparedQuery(sql).executeBatch(rows).replaceWithVoid();
    }
}
