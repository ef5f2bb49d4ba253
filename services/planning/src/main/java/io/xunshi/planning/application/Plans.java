package io.xunshi.planning.application;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.xunshi.contracts.planning.PlanningEvent;
import io.xunshi.kernel.aggregate.AggregateRepository;
import io.xunshi.kernel.aggregate.EventCodec;
import io.xunshi.kernel.command.Aggregate;
import io.xunshi.kernel.command.CommandPath;
import io.xunshi.kernel.eventstore.EventMetadata;
import io.xunshi.kernel.eventstore.EventStore;
import io.xunshi.kernel.eventstore.ExpectedVersion;
import io.xunshi.planning.domain.WorkPlan;

/**
 * Issuing work plans and loading one by id. Issuing looks up the facts the plan's rules need (the parent
 * plan, a plan of the same jurisdiction for an overlapping term, the organisations named) and writes the
 * plan register in the same transaction as the {@code WorkPlanIssued} event, under a transaction-scoped
 * advisory lock per jurisdiction: two concurrent plans of one jurisdiction are decided one after the other,
 * and the second sees the first.
 */
@ApplicationScoped
public class Plans {

    public static final String STREAM_TYPE = "WorkPlan";

    /** What a request asks for; {@code universe} null means every organisation the jurisdiction manages. */
    public record Issue(String planId, String jurisdiction, String title, int termStart, int termEnd,
            String parentPlanId, List<String> universe) {
    }

    private final AggregateRepository<WorkPlan.Command, PlanningEvent, WorkPlan.State> repository;
    private final Aggregate<WorkPlan.Command, WorkPlan.State> aggregate;

    @Inject
    public Plans(EventStore store, ObjectMapper json) {
        EventCodec<PlanningEvent> codec = EventCodec.of(json, PlanningEvent.class);
        this.repository = new AggregateRepository<>(store, json, STREAM_TYPE, new WorkPlan(), codec,
                WorkPlan.State.class, 0);
        // A revision changes the universe: the register follows it in the same transaction, so that rounds and
        // coverage read the universe as revised.
        this.aggregate = Aggregate.of("plan", repository, WorkPlan.State::jurisdiction)
                .afterChange((conn, after, metadata) -> {
                    List<String> universe = after.state().universe();
                    List<Tuple> members = new ArrayList<>();
                    for (int i = 0; i < universe.size(); i++) {
                        members.add(Tuple.of(after.state().planId(), i, universe.get(i)));
                    }
                    return conn.preparedQuery("DELETE FROM plan_universe WHERE plan_id = $1"
                            + " AND NOT (organisation_id = ANY($2))")
                            .execute(Tuple.of(after.state().planId(), universe.toArray(String[]::new)))
                            .flatMap(deleted -> conn.preparedQuery("INSERT INTO plan_universe (plan_id, position,"
                                    + " organisation_id) VALUES ($1, $2, $3) ON CONFLICT (plan_id, organisation_id)"
                                    + " DO UPDATE SET position = EXCLUDED.position").executeBatch(members))
                            .replaceWithVoid();
                });
    }

    /** Plans on the command path: seen within their jurisdiction's subtree. */
    public Aggregate<WorkPlan.Command, WorkPlan.State> aggregate() {
        return aggregate;
    }

    public Uni<AggregateRepository.Loaded<WorkPlan.State>> load(String planId) {
        return repository.load(planId);
    }

    /** Issuing {@code request} on the command path. */
    public CommandPath.Handler<AggregateRepository.Loaded<WorkPlan.State>> issuing(Issue request) {
        return (conn, context) -> issue(conn, request, context.metadata());
    }

    public Uni<AggregateRepository.Loaded<WorkPlan.State>> issue(SqlConnection conn, Issue request,
            EventMetadata metadata) {
        return conn.preparedQuery("SELECT pg_advisory_xact_lock(hashtextextended('xunshi.planning.plan:' || $1, 0))")
                .execute(Tuple.of(request.jurisdiction()))
                .flatMap(locked -> parent(conn, request.parentPlanId()))
                .flatMap(parent -> overlapping(conn, request).flatMap(overlap -> managers(conn, request)
                        .flatMap(managers -> managed(conn, request).map(managed -> new WorkPlan.Issue(
                                request.planId(), request.jurisdiction(), request.title(), request.termStart(),
                                request.termEnd(), request.parentPlanId(), parent, overlap, request.universe(),
                                managers, managed)))))
                .flatMap(command -> repository.handle(conn, request.planId(), request.jurisdiction(),
                        ExpectedVersion.NO_STREAM, command, metadata))
                .call(issued -> register(conn, issued.state()));
    }

    private static Uni<WorkPlan.ParentPlan> parent(SqlConnection conn, String parentPlanId) {
        if (parentPlanId == null) {
            return Uni.createFrom().nullItem();
        }
        return conn.preparedQuery("SELECT plan_id, jurisdiction, term_start, term_end FROM plans WHERE plan_id = $1")
                .execute(Tuple.of(parentPlanId)).map(rows -> {
                    if (rows.size() == 0) {
                        return null;
                    }
                    Row row = rows.iterator().next();
                    return new WorkPlan.ParentPlan(row.getString("plan_id"), row.getString("jurisdiction"),
                            row.getInteger("term_start"), row.getInteger("term_end"));
                });
    }

    private static Uni<String> overlapping(SqlConnection conn, Issue request) {
        return conn.preparedQuery("SELECT plan_id FROM plans WHERE jurisdiction = $1 AND term_start <= $3"
                + " AND term_end >= $2 ORDER BY term_start LIMIT 1")
                .execute(Tuple.of(request.jurisdiction(), request.termStart(), request.termEnd()))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getString("plan_id"));
    }

    private static Uni<Map<String, String>> managers(SqlConnection conn, Issue request) {
        if (request.universe() == null || request.universe().isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return conn.preparedQuery("SELECT organisation_id, jurisdiction FROM organisations"
                + " WHERE organisation_id = ANY($1)")
                .execute(Tuple.of(request.universe().toArray(String[]::new))).map(rows -> {
                    Map<String, String> managers = new HashMap<>();
                    rows.forEach(row -> managers.put(row.getString("organisation_id"), row.getString("jurisdiction")));
                    return managers;
                });
    }

    private static Uni<List<String>> managed(SqlConnection conn, Issue request) {
        if (request.universe() != null) {
            return Uni.createFrom().item(List.of());
        }
        return conn.preparedQuery("SELECT organisation_id FROM organisations WHERE jurisdiction = $1"
                + " ORDER BY organisation_id").execute(Tuple.of(request.jurisdiction())).map(rows -> {
                    List<String> ids = new ArrayList<>();
                    rows.forEach(row -> ids.add(row.getString("organisation_id")));
                    return ids;
                });
    }

    private static Uni<Void> register(SqlConnection conn, WorkPlan.State plan) {
        List<Tuple> members = new ArrayList<>();
        for (int i = 0; i < plan.universe().size(); i++) {
            members.add(Tuple.of(plan.planId(), i, plan.universe().get(i)));
        }
        return conn.preparedQuery("INSERT INTO plans (plan_id, jurisdiction, title, term_start, term_end,"
                + " parent_plan_id, issued_at) VALUES ($1, $2, $3, $4, $5, $6, $7)")
                .execute(Tuple.tuple(java.util.Arrays.asList(plan.planId(), plan.jurisdiction(), plan.title(),
                        plan.termStart(), plan.termEnd(), plan.parentPlanId(), OffsetDateTime.now(ZoneOffset.UTC))))
                .flatMap(inserted -> conn.preparedQuery("INSERT INTO plan_universe (plan_id, position,"
                        + " organisation_id) VALUES ($1, $2, $3)").executeBatch(members))
                .replaceWithVoid();
    }
}
