package io.xunshi.planning.infrastructure;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.xunshi.contracts.rectification.RectificationEvaluated;
import io.xunshi.kernel.consumer.IncomingEvent;
import io.xunshi.kernel.projection.TopicProjection;

/**
 * Effective coverage (有效覆盖): every evaluation of a rectification, EFFECTIVE or NOT_EFFECTIVE, from
 * {@code xunshi.rectification.events}; one row per event. Coverage reads the latest evaluation of each
 * organisation under a plan. Other types on the topic are skipped.
 */
@ApplicationScoped
public class EvaluationCoverage implements TopicProjection {

    public static final String TOPIC = "xunshi.rectification.events";

    @Override
    public String name() {
        return "coverage-evaluations";
    }

    @Override
    public String topic() {
        return TOPIC;
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(RectificationEvaluated.TYPE);
    }

    @Override
    public Optional<String> unusable(IncomingEvent e) {
        return Versions.unusable(e, "evaluatedOn", "caseId", "inspectionId", "planId", "organisationId", "outcome");
    }

    @Override
    public Uni<Void> apply(SqlConnection conn, IncomingEvent event) {
        return applyAll(conn, List.of(event));
    }

    @Override
    public Uni<Void> applyAll(SqlConnection conn, List<IncomingEvent> events) {
        List<Tuple> rows = events.stream()
                .map(e -> {
            var p = e.payload();
            return Tuple.tuple(List.of(e.id(), p.path("caseId").asText(), Versions.of(e),
                    p.path("inspectionId").asText(), p.path("planId").asText(), p.path("organisationId").asText(),
                    p.path("outcome").asText(), LocalDate.parse(p.path("evaluatedOn").asText())));
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
