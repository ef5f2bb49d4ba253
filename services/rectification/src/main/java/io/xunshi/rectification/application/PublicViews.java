package io.xunshi.rectification.application;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.xunshi.contracts.rectification.PublicViewPublished;
import io.xunshi.kernel.api.Cursor;
import io.xunshi.kernel.api.Page;
import io.xunshi.kernel.domain.Jurisdictions;

/**
 * The published public views of a jurisdiction's subtree, the latest publication first, from the
 * {@code rectification_public_views} read model. Public information: every caller may list them.
 */
@ApplicationScoped
public class PublicViews {

    private final Pool pool;
    private final ObjectMapper json;

    @Inject
    public PublicViews(Pool pool, ObjectMapper json) {
        this.pool = pool;
        this.json = json;
    }

    public Uni<Page<PublicViewPublished>> list(String scope, String cursor, int limit) {
        List<String> after = Cursor.decode(cursor, 2);
        List<Object> args = new ArrayList<>();
        args.add(Jurisdictions.subtreePrefix(scope) + "%");
        StringBuilder sql = new StringBuilder("SELECT * FROM rectification_public_views WHERE jurisdiction LIKE $1");
        if (!after.isEmpty()) {
            args.add(Cursor.date(after.get(0)));
            args.add(after.get(1));
            sql.append(" AND (published_on, case_id) < ($2, $3)");
        }
        args.add(limit + 1);
        sql.append(" ORDER BY published_on DESC, case_id DESC LIMIT $").append(args.size());
        return pool.preparedQuery(sql.toString()).execute(Tuple.tuple(args)).map(rows -> {
            List<PublicViewPublished> items = new ArrayList<>();
            String next = null;
            Row last = null;
            for (Row row : rows) {
                if (items.size() == limit) {
                    next = Cursor.encode(last.getLocalDate("published_on").toString(), last.getString("case_id"));
                    break;
                }
                items.add(view(row));
                last = row;
            }
            return new Page<>(items, next);
        });
    }

    private PublicViewPublished view(Row row) {
        try {
            return json.readValue(row.getJsonObject("view").encode(), PublicViewPublished.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the public view of case " + row.getString("case_id") + " does not read",
                    e);
        }
    }
}
