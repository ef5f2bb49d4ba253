package io.xunshi.planning.application;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import io.xunshi.contracts.coordination.OrganisationKind;
import io.xunshi.contracts.rectification.EvaluationGrade;
import io.xunshi.kernel.api.Cursor;
import io.xunshi.kernel.api.Page;
import io.xunshi.kernel.domain.Jurisdictions;
import io.xunshi.planning.domain.Pace;
import io.xunshi.planning.domain.Round;

/** Reads of the plan register: lists, subordinate filings, a plan's facts for its rounds, its coverage. */
@ApplicationScoped
public class PlanDirectory {

    private final Pool pool;

    @Inject
    public PlanDirectory(Pool pool) {
        this.pool = pool;
    }

    /** Plans of a jurisdiction subtree, in issue order. */
    public Uni<Page<PlanSummary>> list(String jurisdiction, String cursor, int limit) {
        List<String> after = Cursor.decode(cursor, 2);
        List<Object> args = new ArrayList<>();
        args.add(Jurisdictions.subtreePrefix(jurisdiction) + "%");
        StringBuilder sql = new StringBuilder("SELECT p.plan_id, p.jurisdiction, p.title, p.term_start, p.term_end,"
                + " p.parent_plan_id, p.issued_at, (SELECT count(*) FROM plan_universe u WHERE u.plan_id = p.plan_id)"
                + " AS universe FROM plans p WHERE p.jurisdiction LIKE $1");
        if (!after.isEmpty()) {
            args.add(Cursor.timestamp(after.get(0)));
            args.add(after.get(1));
            sql.append(" AND (p.issued_at, p.plan_id) > ($2, $3)");
        }
        args.add(limit + 1);
        sql.append(" ORDER BY p.issued_at, p.plan_id LIMIT $").append(args.size());
        return pool.preparedQuery(sql.toString()).execute(Tuple.tuple(args)).map(rows -> {
            List<PlanSummary> items = new ArrayList<>();
            String next = null;
            Row last = null;
            for (Row row : rows) {
                if (items.size() == limit) {
                    next = Cursor.encode(last.getOffsetDateTime("issued_at").toString(), last.getString("plan_id"));
                    break;
                }
                items.add(new PlanSummary(row.getString("plan_id"), row.getString("jurisdiction"),
                        row.getString("title"), row.getInteger("term_start"), row.getInteger("term_end"),
                        row.getString("parent_plan_id"), row.getLong("universe").intValue()));
                last = row;
            }
            return new Page<>(items, next);
        });
    }

    /** The child jurisdictions of the plan's jurisdiction, each with the plan it filed naming this one, if any. */
    public Uni<SubordinatePlans> subordinates(String planId, String jurisdiction) {
        return pool.preparedQuery("SELECT j.code, j.name, j.level, p.plan_id, p.title, p.term_start, p.term_end"
                + " FROM jurisdictions j LEFT JOIN plans p ON p.jurisdiction = j.code AND p.parent_plan_id = $1"
                + " WHERE j.parent_code = $2 ORDER BY j.code, p.term_start")
                .execute(Tuple.of(planId, jurisdiction)).map(rows -> {
                    List<SubordinatePlans.Child> children = new ArrayList<>();
                    Set<String> filed = new LinkedHashSet<>();
                    Set<String> all = new LinkedHashSet<>();
                    for (Row row : rows) {
                        String code = row.getString("code");
                        all.add(code);
                        String plan = row.getString("plan_id");
                        if (plan != null) {
                            filed.add(code);
                        }
                        children.add(new SubordinatePlans.Child(code, row.getString("name"), row.getString("level"),
                                plan != null, plan, row.getString("title"), row.getInteger("term_start"),
                                row.getInteger("term_end")));
                    }
                    return new SubordinatePlans(planId, jurisdiction, filed.size(), all.size() - filed.size(),
                            children);
                });
    }

    /** The plan as rounds need it, or null when no such plan was issued. */
    public Uni<Round.Plan> plan(SqlClient client, String planId) {
        return client.preparedQuery("SELECT p.jurisdiction, p.term_start, p.term_end,"
                + " array(SELECT u.organisation_id FROM plan_universe u WHERE u.plan_id = p.plan_id) AS universe"
                + " FROM plans p WHERE p.plan_id = $1").execute(Tuple.of(planId)).map(rows -> {
                    if (rows.size() == 0) {
                        return null;
                    }
                    Row row = rows.iterator().next();
                    return new Round.Plan(planId, row.getString("jurisdiction"), row.getInteger("term_start"),
                            row.getInteger("term_end"), Set.of(row.getArrayOfStrings("universe")));
                });
    }

    public Uni<Round.Plan> plan(String planId) {
        return plan(pool, planId);
    }

    /**
     * The plan's pace on {@code today}: each organisation of the universe with its kind, whether formally covered under
     * the plan (its own inspections and elevated ones, as coverage counts them) and when last inspected by any plan;
     * and the plan's launched rounds.
     */
    public Uni<PaceView> pace(String planId, String jurisdiction, int termStart, int termEnd, LocalDate today,
            Pace.Settings settings) {
        String members = "SELECT u.organisation_id, o.name, o.kind,"
                + " EXISTS (SELECT 1 FROM feedback_given g WHERE g.organisation_id = u.organisation_id"
                + "   AND (g.plan_id = u.plan_id OR g.round_id IN (SELECT t.round_id FROM elevated_targets t"
                + "   WHERE t.covered_plan_id = u.plan_id AND t.organisation_id = u.organisation_id))) AS covered,"
                + " EXISTS (SELECT 1 FROM feedback_given g WHERE g.organisation_id = u.organisation_id"
                + "   AND g.plan_id = u.plan_id) AS covered_by_own_rounds,"
                + " (SELECT max(g.given_on) FROM feedback_given g WHERE g.organisation_id = u.organisation_id)"
                + "   AS last_inspected_on"
                + " FROM plan_universe u LEFT JOIN organisations o ON o.organisation_id = u.organisation_id"
                + " WHERE u.plan_id = $1 ORDER BY u.position";
        return pool.preparedQuery(members).execute(Tuple.of(planId)).flatMap(rows -> {
            List<Pace.Member> universe = new ArrayList<>();
            for (Row row : rows) {
                String kind = row.getString("kind");
                universe.add(new Pace.Member(row.getString("organisation_id"), row.getString("name"),
                        kind == null ? null : OrganisationKind.valueOf(kind), row.getBoolean("covered"),
                        row.getBoolean("covered_by_own_rounds"), row.getLocalDate("last_inspected_on")));
            }
            // the rounds that work through the universe: not elevated ones (a lower level's organisations) nor
            // look-backs (revisits)
            return pool.preparedQuery("SELECT count(*) AS n FROM rounds WHERE plan_id = $1 AND status = 'LAUNCHED'"
                    + " AND kind NOT IN ('ELEVATED', 'LOOK_BACK')")
                    .execute(Tuple.of(planId)).map(count -> PaceView.of(planId, jurisdiction, termStart, termEnd,
                            today, Pace.of(termStart, termEnd, today, universe,
                                    count.iterator().next().getLong("n").intValue(), settings)));
        });
    }

    /** The managing jurisdiction of each of the given organisations the organisations view knows. */
    public Uni<Map<String, String>> managers(List<String> organisationIds) {
        if (organisationIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return pool.preparedQuery("SELECT organisation_id, jurisdiction FROM organisations WHERE organisation_id ="
                + " ANY($1)").execute(Tuple.of(organisationIds.toArray(String[]::new))).map(rows -> {
                    Map<String, String> managers = new HashMap<>();
                    rows.forEach(row -> managers.put(row.getString("organisation_id"), row.getString("jurisdiction")));
                    return managers;
                });
    }

    /** The organisations view's entries for the given ids (unknown ids are left out). */
    public Uni<Map<String, Round.Target>> targets(SqlClient client, List<String> organisationIds) {
        return client.preparedQuery("SELECT organisation_id, name, jurisdiction, location, kind FROM organisations"
                + " WHERE organisation_id = ANY($1)").execute(Tuple.of(organisationIds.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, Round.Target> targets = new HashMap<>();
                    for (Row row : rows) {
                        targets.put(row.getString("organisation_id"), new Round.Target(row.getString("organisation_id"),
                                row.getString("name"), row.getString("jurisdiction"), row.getString("location"),
                                OrganisationKind.valueOf(row.getString("kind"))));
                    }
                    return targets;
                });
    }

    /** The plan's look-back candidates, the latest evaluation first, with the LOOK_BACK round targeting each. */
    public Uni<LookBackCandidates> lookBackCandidates(String planId) {
        return pool.preparedQuery("SELECT c.organisation_id, c.organisation_name, c.case_id, c.inspection_id,"
                + " c.evaluated_on, c.grade, r.round_id FROM look_back_candidates c"
                + " LEFT JOIN LATERAL (SELECT round_id FROM rounds r WHERE r.plan_id = c.plan_id AND r.kind = 'LOOK_BACK'"
                + "   AND r.assignments @> jsonb_build_array(jsonb_build_object('organisationId', c.organisation_id))"
                + "   AND r.stationing_start >= c.evaluated_on"
                + "   ORDER BY r.scheduled_at DESC LIMIT 1) r ON true"
                + " WHERE c.plan_id = $1 ORDER BY c.evaluated_on DESC, c.case_id LIMIT 1000")
                .execute(Tuple.of(planId)).map(rows -> {
                    List<LookBackCandidates.Candidate> items = new ArrayList<>();
                    for (Row row : rows) {
                        String grade = row.getString("grade");
                        items.add(new LookBackCandidates.Candidate(row.getString("organisation_id"),
                                row.getString("organisation_name"), row.getString("case_id"),
                                row.getString("inspection_id"), row.getLocalDate("evaluated_on"),
                                grade == null ? null : EvaluationGrade.valueOf(grade), row.getString("round_id")));
                    }
                    return new LookBackCandidates(planId, items);
                });
    }

    /**
     * Coverage of the plan's universe: formally covered once feedback was given under the plan; effectively
     * covered when the latest evaluation of its rectification under the plan (by evaluation day, then the
     * case's version) is {@code EFFECTIVE}, or when its latest feedback reported no findings — a clean
     * inspection leaves nothing to rectify, and no case is opened for it. An inspection of a higher level's
     * ELEVATED round (提级) counts for the plan whose universe holds its target, as if the plan's own
     * ({@code elevated_targets}). A LOOK_BACK round's inspection is the plan's own: until its rectification is judged
     * effective, the latest evaluation stays the one that was not.
     */
    public Uni<CoverageView> coverage(String planId, String jurisdiction) {
        String sql = "SELECT u.organisation_id, o.name, f.inspection_id, f.given_on, f.findings, e.outcome"
                + " FROM plan_universe u"
                + " LEFT JOIN organisations o ON o.organisation_id = u.organisation_id"
                + " LEFT JOIN LATERAL (SELECT inspection_id, given_on, findings FROM feedback_given g"
                + "   WHERE g.organisation_id = u.organisation_id AND (g.plan_id = u.plan_id OR g.round_id IN ("
                + "     SELECT t.round_id FROM elevated_targets t WHERE t.covered_plan_id = u.plan_id"
                + "     AND t.organisation_id = u.organisation_id))"
                + "   ORDER BY given_on DESC, inspection_id DESC LIMIT 1) f ON true"
                + " LEFT JOIN LATERAL (SELECT outcome FROM rectification_evaluations r"
                + "   WHERE r.organisation_id = u.organisation_id AND (r.plan_id = u.plan_id OR r.inspection_id IN ("
                + "     SELECT g.inspection_id FROM feedback_given g JOIN elevated_targets t ON t.round_id = g.round_id"
                + "     AND t.organisation_id = g.organisation_id WHERE t.covered_plan_id = u.plan_id"
                + "     AND t.organisation_id = u.organisation_id))"
                + "   ORDER BY evaluated_on DESC, case_version DESC, case_id DESC LIMIT 1) e ON true"
                + " WHERE u.plan_id = $1 ORDER BY u.position";
        return pool.preparedQuery(sql).execute(Tuple.of(planId)).map(rows -> {
            List<CoverageView.Target> targets = new ArrayList<>();
            List<CoverageView.Uncovered> uncovered = new ArrayList<>();
            int formal = 0;
            int effective = 0;
            for (Row row : rows) {
                String id = row.getString("organisation_id");
                String name = row.getString("name");
                String inspection = row.getString("inspection_id");
                LocalDate givenOn = row.getLocalDate("given_on");
                String outcome = row.getString("outcome");
                boolean formally = inspection != null;
                Integer findings = row.getInteger("findings");
                boolean clean = formally && findings != null && findings == 0;
                boolean effectively = "EFFECTIVE".equals(outcome) || clean;
                formal += formally ? 1 : 0;
                effective += effectively ? 1 : 0;
                if (!formally) {
                    uncovered.add(new CoverageView.Uncovered(id, name));
                }
                targets.add(new CoverageView.Target(id, name, inspection, givenOn, formally, effectively, outcome));
            }
            int n = targets.size();
            return new CoverageView(planId, jurisdiction, n, new CoverageView.Measure(formal, ratio(formal, n)),
                    new CoverageView.Measure(effective, ratio(effective, n)), uncovered, targets);
        });
    }

    private static double ratio(int covered, int of) {
        return of == 0 ? 0 : Math.round(covered * 10_000.0 / of) / 10_000.0;
    }
}
