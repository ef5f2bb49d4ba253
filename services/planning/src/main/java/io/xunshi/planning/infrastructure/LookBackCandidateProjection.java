package io.xunshi.planning.infrastructure;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.xunshi.contracts.rectification.LookBackCandidatePublished;
import io.xunshi.kernel.consumer.Delivered;
import io.xunshi.kernel.projection.TopicProjection;

/**
 * Look-back candidates (回头看): the organisations whose rectification was judged not effective, from
 * {@code xunshi.rectification.events}; one row per case, so a candidate seen again changes nothing. Other types on the
 * topic are skipped.
 */
@ApplicationScoped
public class LookBackCandidateProjection implements TopicProjection {

    @Override
    public String name() {
        return "look-back-candidates";
    }

    @Override
    public Set<Class<? extends Record>> events() {
        return Set.of(LookBackCandidatePublished.class);
    }

    @Override
    public Optional<String> unusable(Delivered<?> e) {
        LookBackCandidatePublished c = e.payloadAs(LookBackCandidatePublished.class);
        return Versions.missing(Versions.names("caseId", "inspectionId", "planId", "jurisdiction", "organisationId",
                "evaluatedOn"), c.caseId(), c.inspectionId(), c.planId(), c.jurisdiction(), c.organisationId(),
                c.evaluatedOn());
    }

    @Override
    public Uni<Void> apply(SqlConnection conn, Delivered<?> event) {
        return applyAll(conn, List.of(event));
    }

    @Override
    public Uni<Void> applyAll(SqlConnection conn, List<Delivered<?>> events) {
        List<Tuple> rows = events.stream().map(e -> {
            LookBackCandidatePublished c = e.payloadAs(LookBackCandidatePublished.class);
            return Tuple.tuple(Arrays.asList(c.caseId(), c.inspectionId(), c.planId(), c.jurisdiction(),
                    c.organisationId(), c.organisationName(), c.evaluatedOn(),
                    c.grade() == null ? null : c.grade().name()));
        }).toList();
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return conn.preparedQuery("INSERT INTO look_back_candidates (case_id, inspection_id, plan_id, jurisdiction,"
                + " organisation_id, organisation_name, evaluated_on, grade) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)"
                + " ON CONFLICT (case_id) DO NOTHING").executeBatch(rows).replaceWithVoid();
    }

    @Override
    public Uni<Void> reset(SqlConnection conn) {
        return conn.query("DELETE FROM look_back_candidates").execute().replaceWithVoid();
    }
}
