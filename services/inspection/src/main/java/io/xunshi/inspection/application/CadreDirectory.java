package io.xunshi.inspection.application;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.xunshi.contracts.inspection.VettingCheck;
import io.xunshi.inspection.domain.Inspection;
import io.xunshi.inspection.domain.Recusal;
import io.xunshi.kernel.api.KeysetPage;
import io.xunshi.kernel.api.Page;
import io.xunshi.kernel.domain.Jurisdictions;

/**
 * The cadre pool as lists and suggestions read it: from the {@code cadres} read model, with recusal decided on each
 * candidate's own stream by the same policies team formation applies ({@link Recusal}).
 */
@ApplicationScoped
public class CadreDirectory {

    /** The most candidates a suggestion examines. */
    static final int CANDIDATES = 200;

    private static final String COLUMNS = "cadre_id, jurisdiction, name, account, rank, expertise, unit_id, unit_name,"
            + " title, checks, version, registered_at";

    private final Pool pool;
    private final Cadres cadres;

    @Inject
    public CadreDirectory(Pool pool, Cadres cadres) {
        this.pool = pool;
        this.cadres = cadres;
    }

    /** The pool of a jurisdiction's subtree in registration order, optionally only those with an expertise. */
    public Uni<Page<CadreSummary>> list(String jurisdiction, String expertise, String cursor, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM cadres WHERE jurisdiction LIKE $1");
        List<Object> args = new ArrayList<>();
        args.add(Jurisdictions.subtreePrefix(jurisdiction) + "%");
        if (expertise != null) {
            args.add(new String[]{ expertise });
            sql.append(" AND expertise @> $").append(args.size());
        }
        KeysetPage.after(sql, args, cursor, "registered_at", "cadre_id", limit);
        return pool.preparedQuery(sql.toString()).execute(Tuple.tuple(args))
                .map(rows -> KeysetPage.of(rows, limit, "registered_at", "cadre_id", CadreDirectory::summary));
    }

    /**
     * Suggests a team for {@code inspection} from the pool of the inspecting jurisdiction's subtree: candidates
     * ordered by how many of the wanted expertise tags they have, recusal applied to each; the best vetted one who
     * leads no team as leader, then the next {@code size - 1} as members.
     */
    public Uni<TeamSuggestion> suggest(Inspection.State inspection, List<String> expertise, int size) {
        String sql = "SELECT " + COLUMNS + " FROM cadres c WHERE jurisdiction LIKE $1"
                + " ORDER BY cardinality(ARRAY(SELECT unnest(c.expertise) INTERSECT SELECT unnest($2::text[]))) DESC,"
                + " registered_at, cadre_id LIMIT $3";
        Tuple args = Tuple.of(Jurisdictions.subtreePrefix(inspection.jurisdiction()) + "%",
                expertise.toArray(String[]::new), CANDIDATES);
        Recusal.Target target = new Recusal.Target(inspection.organisationId(), inspection.organisationName(), null);
        return pool.preparedQuery(sql).execute(args).flatMap(rows -> {
            List<CadreSummary> candidates = new ArrayList<>();
            rows.forEach(row -> candidates.add(summary(row)));
            return leaders(candidates).flatMap(leading -> pool.withConnection(conn -> {
                Uni<List<Object[]>> checked = Uni.createFrom().item(new ArrayList<>());
                for (CadreSummary c : candidates) {
                    checked = checked.flatMap(list -> cadres.load(conn, c.cadreId()).map(loaded -> {
                        list.add(new Object[]{ c, Recusal.check(loaded.state(), target) });
                        return list;
                    }));
                }
                return checked;
            }).map(checked -> pick(inspection, expertise, size, checked, leading)));
        });
    }

    @SuppressWarnings("unchecked")
    private static TeamSuggestion pick(Inspection.State inspection, List<String> expertise, int size,
            List<Object[]> checked, List<String> leading) {
        CadreSummary leader = null;
        List<CadreSummary> members = new ArrayList<>();
        List<TeamSuggestion.Excluded> excluded = new ArrayList<>();
        for (Object[] pair : checked) {
            CadreSummary c = (CadreSummary) pair[0];
            List<Recusal.Violation> violations = (List<Recusal.Violation>) pair[1];
            if (!violations.isEmpty()) {
                Recusal.Violation v = violations.get(0);
                excluded.add(new TeamSuggestion.Excluded(c.cadreId(), c.name(), v.rule().code(), v.reason()));
            } else if (leader == null && c.vetted() && !leading.contains(c.cadreId())) {
                leader = c;
            } else if (members.size() < size - 1) {
                members.add(c);
            }
        }
        return new TeamSuggestion(inspection.inspectionId(), List.copyOf(expertise), leader, List.copyOf(members),
                List.copyOf(excluded));
    }

    /** The cadres among {@code candidates} who lead a team now. */
    private Uni<List<String>> leaders(List<CadreSummary> candidates) {
        if (candidates.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return pool.preparedQuery("SELECT cadre_id FROM team_leaders WHERE cadre_id = ANY($1)")
                .execute(Tuple.of(candidates.stream().map(CadreSummary::cadreId).toArray(String[]::new)))
                .map(rows -> {
                    List<String> ids = new ArrayList<>();
                    rows.forEach(row -> ids.add(row.getString("cadre_id")));
                    return ids;
                });
    }

    private static CadreSummary summary(Row row) {
        List<VettingCheck> checks = java.util.Arrays.stream(row.getArrayOfStrings("checks")).map(VettingCheck::valueOf)
                .toList();
        return new CadreSummary(row.getString("cadre_id"), row.getString("jurisdiction"), row.getString("name"),
                row.getString("account"), row.getString("rank"), List.of(row.getArrayOfStrings("expertise")),
                row.getString("unit_id"), row.getString("unit_name"), row.getString("title"), checks,
                checks.containsAll(List.of(VettingCheck.values())), row.getInteger("version"));
    }
}
