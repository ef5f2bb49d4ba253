package io.xunshi.kernel.api;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.vertx.mutiny.sqlclient.Row;

/**
 * Keyset paging over a read model ordered by a timestamp column and an id column: the clause that reads on after a
 * cursor, in the one order, one row more than the page; and the page built from those rows with the cursor of the
 * next one ({@link Cursor}).
 */
public final class KeysetPage {

    private KeysetPage() {
    }

    /**
     * Appends to {@code sql} (a query with a WHERE clause and {@code args} bound so far) the condition that reads
     * after {@code cursor}, the order by ({@code at}, {@code id}) and a limit of {@code limit + 1} rows.
     */
    public static void after(StringBuilder sql, List<Object> args, String cursor, String at, String id, int limit) {
        List<String> after = Cursor.decode(cursor, 2);
        if (!after.isEmpty()) {
            args.add(Cursor.timestamp(after.get(0)));
            args.add(after.get(1));
            sql.append(" AND (").append(at).append(", ").append(id).append(") > ($").append(args.size() - 1)
                    .append(", $").append(args.size()).append(")");
        }
        args.add(limit + 1);
        sql.append(" ORDER BY ").append(at).append(", ").append(id).append(" LIMIT $").append(args.size());
    }

    /** The page of the rows {@link #after} selected: at most {@code limit} items, and the next cursor if more. */
    public static <T> Page<T> of(Iterable<Row> rows, int limit, String at, String id, Function<Row, T> item) {
        List<T> items = new ArrayList<>();
        Row last = null;
        for (Row row : rows) {
            if (items.size() == limit) {
                return new Page<>(items, Cursor.encode(last.getOffsetDateTime(at).toString(), last.getString(id)));
            }
            items.add(item.apply(row));
            last = row;
        }
        return new Page<>(items, null);
    }
}
