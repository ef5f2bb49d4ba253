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
import io.xunshi.kernel.consumer.IncomingEvent;
import io.xunshi.kernel.projection.TopicProjection;

/**
 * Formal coverage (有形覆盖): the inspections whose feedback was given, from {@code xunshi.inspection.events},
 * with how many findings each fed back; one row per inspection, so a feedback seen again changes nothing.
 * Other types on the topic are skipped.
 */
@ApplicationScoped
public class FeedbackCoverage implements TopicProjection {

    public static final String TOPIC = "xunshi.inspection.events";

    @Override
    public String name() {
        return "coverage-feedback";
    }

    @Override
    public String topic() {
        return TOPIC;
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(FeedbackGiven.TYPE);
    }

    @Override
    public Optional<String> unusable(IncomingEvent e) {
        return Versions.unusable(e, "givenOn", "inspectionId", "planId", "organisationId");
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
            return Tuple.tuple(Arrays.asList(p.path("inspectionId").asText(), p.path("planId").asText(),
                    p.path("roundId").isTextual() ? p.path("roundId").asText() : null,
                    p.path("organisationId").asText(), java.time.LocalDate.parse(p.path("givenOn").asText()),
                    p.path("findings").isArray() ? p.path("findings").size() : null));
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
