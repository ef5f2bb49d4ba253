package io.xunshi.coordination.application;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.xunshi.contracts.coordination.JurisdictionLevel;
import io.xunshi.kernel.api.Cursor;
import io.xunshi.kernel.api.Page;
import io.xunshi.kernel.domain.Jurisdictions;

/** Reads of the jurisdiction tree and of the roll-ups, from the read models. */
@ApplicationScoped
public class JurisdictionDirectory {

    private static final String PATH = "WITH RECURSIVE up AS (SELECT code, name, level, parent_code, 0 AS depth"
            + " FROM jurisdictions WHERE code = $1 UNION ALL SELECT j.code, j.name, j.level, j.parent_code,"
            + " up.depth + 1 FROM jurisdictions j JOIN up ON j.code = up.parent_code AND up.depth < 10)"
            + " SELECT code, name, level, parent_code, depth,"
            + " (SELECT count(*) FROM jurisdictions c WHERE c.parent_code = $1) AS children"
            + " FROM up ORDER BY depth DESC";

    private static final String CHILDREN = "SELECT j.code, j.name, j.level, j.parent_code,"
            + " (SELECT count(*) FROM jurisdictions c WHERE c.parent_code = j.code) AS children"
            + " FROM jurisdictions j WHERE j.parent_code = $1 AND j.code > $2 ORDER BY j.code LIMIT $3";

    private static final String INSPECTIONS = "SELECT jurisdiction, count(*) AS total,"
            + " count(*) FILTER (WHERE closed) AS closed FROM roll_up_inspections WHERE jurisdiction LIKE $1"
            + " GROUP BY jurisdiction";

    private static final String EVALUATED = "evaluated_version IS NOT NULL AND (submitted_version IS NULL"
            + " OR evaluated_version > submitted_version)";
    private static final String RECTIFICATIONS = "SELECT jurisdiction, count(*) AS total,"
            + " count(*) FILTER (WHERE submitted_version IS NULL AND evaluated_version IS NULL) AS awaiting_report,"
            + " count(*) FILTER (WHERE submitted_version IS NOT NULL AND (evaluated_version IS NULL"
            + " OR submitted_version > evaluated_version)) AS awaiting_evaluation,"
            + " count(*) FILTER (WHERE " + EVALUATED + " AND outcome = 'EFFECTIVE') AS effective,"
            + " count(*) FILTER (WHERE " + EVALUATED + " AND outcome = 'NOT_EFFECTIVE') AS not_effective"
            + " FROM roll_up_rectifications WHERE jurisdiction LIKE $1 GROUP BY jurisdiction";

    private final Pool pool;

    @Inject
    public JurisdictionDirectory(Pool pool) {
        this.pool = pool;
    }

    /** The jurisdiction with its path from the Centre and its number of children; null when unknown. */
    public Uni<JurisdictionView> get(String code) {
        return pool.preparedQuery(PATH).execute(Tuple.of(code)).map(rows -> {
            List<JurisdictionView.Ancestor> path = new ArrayList<>();
            JurisdictionView found = null;
            for (Row row : rows) {
                if (row.getInteger("depth") == 0) {
                    found = new JurisdictionView(row.getString("code"), row.getString("name"),
                            JurisdictionLevel.valueOf(row.getString("level")), row.getString("parent_code"),
                            List.copyOf(path), row.getLong("children").intValue());
                } else {
                    path.add(new JurisdictionView.Ancestor(row.getString("code"), row.getString("name")));
                }
            }
            return found;
        });
    }

    /** The children of {@code parent} in code order, a page at a time. */
    public Uni<Page<JurisdictionSummary>> children(String parent, String cursor, int limit) {
        List<String> after = Cursor.decode(cursor, 1);
        return pool.preparedQuery(CHILDREN).execute(Tuple.of(parent, after.isEmpty() ? "" : after.get(0), limit + 1))
                .map(rows -> {
                    List<JurisdictionSummary> items = new ArrayList<>();
                    String next = null;
                    for (Row row : rows) {
                        if (items.size() == limit) {
                            next = Cursor.encode(items.get(items.size() - 1).code());
                            break;
                        }
                        items.add(new JurisdictionSummary(row.getString("code"), row.getString("name"),
                                JurisdictionLevel.valueOf(row.getString("level")), row.getString("parent_code"),
                                row.getLong("children").intValue()));
                    }
                    return new Page<>(items, next);
                });
    }

    /** The roll-up of a known jurisdiction (see {@link RollUp}). */
    public Uni<RollUp> rollUp(String code, String name) {
        String like = Jurisdictions.subtreePrefix(code) + "%";
        Uni<Map<String, String>> children = pool.preparedQuery("SELECT code, name FROM jurisdictions"
                + " WHERE parent_code = $1 ORDER BY code").execute(Tuple.of(code)).map(rows -> {
                    Map<String, String> found = new LinkedHashMap<>();
                    rows.forEach(row -> found.put(row.getString("code"), row.getString("name")));
                    return found;
                });
        Uni<Map<String, RollUp.Inspections>> inspections = pool.preparedQuery(INSPECTIONS).execute(Tuple.of(like))
                .map(rows -> {
                    Map<String, RollUp.Inspections> found = new LinkedHashMap<>();
                    for (Row row : rows) {
                        long total = row.getLong("total");
                        long closed = row.getLong("closed");
                        found.put(row.getString("jurisdiction"), new RollUp.Inspections(total, total - closed, closed));
                    }
                    return found;
                });
        Uni<Map<String, RollUp.Rectifications>> rectifications = pool.preparedQuery(RECTIFICATIONS)
                .execute(Tuple.of(like)).map(rows -> {
                    Map<String, RollUp.Rectifications> found = new LinkedHashMap<>();
                    for (Row row : rows) {
                        found.put(row.getString("jurisdiction"), new RollUp.Rectifications(row.getLong("total"),
                                row.getLong("awaiting_report"), row.getLong("awaiting_evaluation"),
                                row.getLong("effective"), row.getLong("not_effective")));
                    }
                    return found;
                });
        return Uni.combine().all().unis(children, inspections, rectifications).asTuple().map(t -> {
            RollUp.Inspections allInspections = RollUp.Inspections.NONE;
            RollUp.Rectifications allRectifications = RollUp.Rectifications.NONE;
            for (RollUp.Inspections i : t.getItem2().values()) {
                allInspections = allInspections.plus(i);
            }
            for (RollUp.Rectifications r : t.getItem3().values()) {
                allRectifications = allRectifications.plus(r);
            }
            List<RollUp.Child> children1 = new ArrayList<>();
            for (Map.Entry<String, String> child : t.getItem1().entrySet()) {
                RollUp.Inspections ci = RollUp.Inspections.NONE;
                RollUp.Rectifications cr = RollUp.Rectifications.NONE;
                for (Map.Entry<String, RollUp.Inspections> i : t.getItem2().entrySet()) {
                    if (Jurisdictions.contains(child.getKey(), i.getKey())) {
                        ci = ci.plus(i.getValue());
                    }
                }
                for (Map.Entry<String, RollUp.Rectifications> r : t.getItem3().entrySet()) {
                    if (Jurisdictions.contains(child.getKey(), r.getKey())) {
                        cr = cr.plus(r.getValue());
                    }
                }
                if (ci.total() > 0 || cr.total() > 0) {
                    children1.add(new RollUp.Child(child.getKey(), child.getValue(), ci, cr));
                }
            }
            return new RollUp(code, name, allInspections, allRectifications, children1);
        });
    }
}
