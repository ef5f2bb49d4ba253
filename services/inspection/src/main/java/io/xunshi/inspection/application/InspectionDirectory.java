package io.xunshi.inspection.application;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.xunshi.contracts.planning.RoundKind;
import io.xunshi.inspection.domain.Inspection;
import io.xunshi.kernel.api.Cursor;
import io.xunshi.kernel.api.Page;
import io.xunshi.kernel.domain.Jurisdictions;

/** Lists inspections from the read model, in the order they were opened, a page at a time. */
@ApplicationScoped
public class InspectionDirectory {

    /** What a list may be narrowed by; every part is optional except the jurisdiction subtree. */
    public record Filter(String jurisdiction, String roundId, String planId, Inspection.Status status) {
    }

    private final Pool pool;

    @Inject
    public InspectionDirectory(Pool pool) {
        this.pool = pool;
    }

    public Uni<Page<InspectionSummary>> list(Filter filter, String cursor, int limit) {
        List<String> after = Cursor.decode(cursor, 2);
        StringBuilder sql = new StringBuilder("SELECT inspection_id, round_id, plan_id, jurisdiction, round_kind, team,"
                + " organisation_id, organisation_name, organisation_jurisdiction, organisation_location,"
                + " stationing_start, stationing_end, status, findings, version, opened_at FROM inspections"
                + " WHERE jurisdiction LIKE $1");
        List<Object> args = new ArrayList<>();
        args.add(Jurisdictions.subtreePrefix(filter.jurisdiction()) + "%");
        if (filter.roundId() != null) {
            args.add(filter.roundId());
            sql.append(" AND round_id = $").append(args.size());
        }
        if (filter.planId() != null) {
            args.add(filter.planId());
            sql.append(" AND plan_id = $").append(args.size());
        }
        if (filter.status() != null) {
            args.add(filter.status().name());
            sql.append(" AND status = $").append(args.size());
        }
        if (!after.isEmpty()) {
            // A cursor that decodes but was not made by this list (a timestamp that does not parse, or one
            // PostgreSQL cannot hold) is a 400.
            args.add(Cursor.timestamp(after.get(0)));
            args.add(after.get(1));
            sql.append(" AND (opened_at, inspection_id) > ($").append(args.size() - 1).append(", $")
                    .append(args.size()).append(")");
        }
        args.add(limit + 1);
        sql.append(" ORDER BY opened_at, inspection_id LIMIT $").append(args.size());
        return pool.preparedQuery(sql.toString()).execute(Tuple.tuple(args)).map(rows -> {
            List<InspectionSummary> items = new ArrayList<>();
            String next = null;
            Row last = null;
            for (Row row : rows) {
                if (items.size() == limit) {
                    next = Cursor.encode(last.getOffsetDateTime("opened_at").toString(),
                            last.getString("inspection_id"));
                    break;
                }
                items.add(new InspectionSummary(row.getString("inspection_id"), row.getString("round_id"),
                        row.getString("plan_id"), row.getString("jurisdiction"),
                        RoundKind.valueOf(row.getString("round_kind")), row.getString("team"),
                        row.getString("organisation_id"), row.getString("organisation_name"),
                        row.getString("organisation_jurisdiction"), row.getString("organisation_location"),
                        row.getLocalDate("stationing_start"), row.getLocalDate("stationing_end"),
                        Inspection.Status.valueOf(row.getString("status")), row.getInteger("findings"),
                        row.getInteger("version")));
                last = row;
            }
            return new Page<>(items, next);
        });
    }
}
