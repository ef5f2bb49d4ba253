package io.xunshi.coordination.application;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.xunshi.contracts.coordination.OrganisationKind;
import io.xunshi.kernel.api.Cursor;
import io.xunshi.kernel.api.Page;
import io.xunshi.kernel.domain.Jurisdictions;

/** Lists organisations from the read model, in registration order, a page at a time. */
@ApplicationScoped
public class OrganisationDirectory {

    /** What a list may be narrowed by; every part is optional except the jurisdiction subtree. */
    public record Filter(String jurisdiction, OrganisationKind kind, Instant registeredFrom, Instant registeredTo) {
    }

    private final Pool pool;

    @Inject
    public OrganisationDirectory(Pool pool) {
        this.pool = pool;
    }

    public Uni<Page<OrganisationView>> list(Filter filter, String cursor, int limit) {
        List<String> after = Cursor.decode(cursor, 2);
        StringBuilder sql = new StringBuilder("SELECT organisation_id, name, kind, jurisdiction, location, version,"
                + " registered_at FROM organisations WHERE jurisdiction LIKE $1");
        List<Object> args = new ArrayList<>();
        args.add(Jurisdictions.subtreePrefix(filter.jurisdiction()) + "%");
        if (filter.kind() != null) {
            args.add(filter.kind().name());
            sql.append(" AND kind = $").append(args.size());
        }
        if (filter.registeredFrom() != null) {
            args.add(OffsetDateTime.ofInstant(filter.registeredFrom(), ZoneOffset.UTC));
            sql.append(" AND registered_at >= $").append(args.size());
        }
        if (filter.registeredTo() != null) {
            args.add(OffsetDateTime.ofInstant(filter.registeredTo(), ZoneOffset.UTC));
            sql.append(" AND registered_at < $").append(args.size());
        }
        if (!after.isEmpty()) {
            args.add(Cursor.timestamp(after.get(0)));
            args.add(after.get(1));
            sql.append(" AND (registered_at, organisation_id) > ($").append(args.size() - 1).append(", $")
                    .append(args.size()).append(")");
        }
        args.add(limit + 1);
        sql.append(" ORDER BY registered_at, organisation_id LIMIT $").append(args.size());
        return pool.preparedQuery(sql.toString()).execute(Tuple.tuple(args)).map(rows -> {
            List<OrganisationView> items = new ArrayList<>();
            String next = null;
            Row last = null;
            for (Row row : rows) {
                if (items.size() == limit) {
                    next = Cursor.encode(last.getOffsetDateTime("registered_at").toString(),
                            last.getString("organisation_id"));
                    break;
                }
                items.add(new OrganisationView(row.getString("organisation_id"), row.getString("name"),
                        OrganisationKind.valueOf(row.getString("kind")), row.getString("jurisdiction"),
                        row.getString("location"), row.getInteger("version")));
                last = row;
            }
            return new Page<>(items, next);
        });
    }
}
