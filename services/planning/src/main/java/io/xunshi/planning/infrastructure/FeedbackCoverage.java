package io.xunshi.planning.infrastructure;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.xunshi.contracts.inspection.FeedbackGiven;
import io.xunshi.kernel.consumer.Delivered;
import io.xunshi.kernel.projection.TopicProjection;

/**
 * Formal coverage (有形覆盖): the inspections whose feedback was given, from {@code xunshi.inspection.events},
 * with how many findings each fed back; one row per inspection, so a feedback seen again changes nothing.
 * Other types on the topic are skipped.
 */
@ApplicationScoped
public class FeedbackCoverage implements TopicProjection {

    @Override
    public String name() {
        return "coverage-feedback";
    }

    @Override
    public Set<Class<? extends Record>> events() {
        return Set.of(FeedbackGiven.class);
    }

    @Override
    public Optional<String> unusable(Delivered<?> e) {
        FeedbackGiven f = e.payloadAs(FeedbackGiven.class);
        return Versions.missing(Versions.names("inspectionId", "planId", "organisationId", "givenOn"),
                f.inspectionId(), f.planId(), f.organisationId(), f.givenOn());
    }

    @Override
    public Uni<Void> apply(SqlConnection conn, Delivered<?> event) {
        return applyAll(conn, List.of(event));
    }

    @Override
    public Uni<Void> applyAll(SqlConnection conn, List<Delivered<?>> events) {
        List<Tuple> rows = events.stream()
                .map(e -> {
                    FeedbackGiven f = e.payloadAs(FeedbackGiven.class);
                    return Tuple.tuple(Arrays.asList(f.inspectionId(), f.planId(), f.roundId(), f.organisationId(),
                            f.givenOn(), f.findings() != null ? f.findings().size() : null));
                }).toList();
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return conn.preparedQuery("INSERT INTO feedback_given (inspection_id, plan_id, round_id, organisation_id,"
                + " given_on, findings) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (inspection_id) DO NOTHING")
                .executeBatch(rows).replaceWithVoid();
    }

    @Override
    public Uni<Void> reset(SqlConnection conn) {
        return conn.query("DELETE FROM feedback_given").execute().replaceWithVoid();
    }
}
