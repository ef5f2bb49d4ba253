package io.xunshi.planning.infrastructure;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.xunshi.contracts.rectification.RectificationEvaluated;
import io.xunshi.kernel.consumer.Delivered;
import io.xunshi.kernel.projection.TopicProjection;

/**
 * Effective coverage (有效覆盖): every evaluation of a rectification, EFFECTIVE or NOT_EFFECTIVE, from
 * {@code xunshi.rectification.events}; one row per event. Coverage reads the latest evaluation of each
 * organisation under a plan. Other types on the topic are skipped.
 */
@ApplicationScoped
public class EvaluationCoverage implements TopicProjection {

    @Override
    public String name() {
        return "coverage-evaluations";
    }

    @Override
    public Set<Class<? extends Record>> events() {
        return Set.of(RectificationEvaluated.class);
    }

    @Override
    public Optional<String> unusable(Delivered<?> e) {
        RectificationEvaluated r = e.payloadAs(RectificationEvaluated.class);
        return Versions.missing(Versions.names("caseId", "inspectionId", "planId", "organisationId", "outcome",
                "evaluatedOn"), r.caseId(), r.inspectionId(), r.planId(), r.organisationId(), r.outcome(),
                r.evaluatedOn());
    }

    @Override
    public Uni<Void> apply(SqlConnection conn, Delivered<?> event) {
        return applyAll(conn, List.of(event));
    }

    @Override
    public Uni<Void> applyAll(SqlConnection conn, List<Delivered<?>> events) {
        List<Tuple> rows = events.stream()
                .map(e -> {
                    RectificationEvaluated r = e.payloadAs(RectificationEvaluated.class);
                    return Tuple.tuple(List.of(e.event().id(), r.caseId(), Versions.of(e), r.inspectionId(), r.planId(),
                            r.organisationId(), r.outcome().name(), r.evaluatedOn()));
                }).toList();
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return conn.preparedQuery("INSERT INTO rectification_evaluations (event_id, case_id, case_version,"
                + " inspection_id, plan_id, organisation_id, outcome, evaluated_on)"
                + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (event_id) DO NOTHING")
                .executeBatch(rows).replaceWithVoid();
    }

    @Override
    public Uni<Void> reset(SqlConnection conn) {
        return conn.query("DELETE FROM rectification_evaluations").execute().replaceWithVoid();
    }
}
