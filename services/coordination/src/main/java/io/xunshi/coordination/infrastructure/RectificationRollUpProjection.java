package io.xunshi.coordination.infrastructure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.xunshi.contracts.rectification.RectificationCaseOpened;
import io.xunshi.contracts.rectification.RectificationEvaluated;
import io.xunshi.contracts.rectification.RectificationReportSubmitted;
import io.xunshi.kernel.consumer.Delivered;
import io.xunshi.kernel.projection.TopicProjection;

/**
 * Rectification cases for the roll-ups, from the rectification service's topic: one row per case with the
 * supervising jurisdiction, and the case versions ({@code ce_aggregateversion}) of its latest report and
 * latest evaluation. Each statement keeps the larger version, so redeliveries and the order of statements
 * within a batch do not matter: a case whose latest evaluation came after its latest report is evaluated,
 * one with a later report awaits evaluation, one with neither awaits its report.
 */
@ApplicationScoped
public class RectificationRollUpProjection implements TopicProjection {

    public static final String NAME = "rectification-roll-up";

    private static final String OPENED = "INSERT INTO roll_up_rectifications (case_id, jurisdiction, report_due)"
            + " VALUES ($1, $2, $3) ON CONFLICT (case_id) DO UPDATE SET jurisdiction = EXCLUDED.jurisdiction,"
            + " report_due = EXCLUDED.report_due";
    private static final String SUBMITTED = "INSERT INTO roll_up_rectifications (case_id, submitted_version)"
            + " VALUES ($1, $2) ON CONFLICT (case_id) DO UPDATE SET submitted_version ="
            + " GREATEST(roll_up_rectifications.submitted_version, EXCLUDED.submitted_version)";
    private static final String EVALUATED = "INSERT INTO roll_up_rectifications (case_id, evaluated_version, outcome)"
            + " VALUES ($1, $2, $3) ON CONFLICT (case_id) DO UPDATE SET"
            + " outcome = CASE WHEN roll_up_rectifications.evaluated_version IS NULL"
            + " OR EXCLUDED.evaluated_version >= roll_up_rectifications.evaluated_version"
            + " THEN EXCLUDED.outcome ELSE roll_up_rectifications.outcome END,"
            + " evaluated_version = GREATEST(roll_up_rectifications.evaluated_version, EXCLUDED.evaluated_version)";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<Class<? extends Record>> events() {
        return Set.of(RectificationCaseOpened.class, RectificationReportSubmitted.class, RectificationEvaluated.class);
    }

    /** Counted by the jurisdiction it happened in, so an opening without one cannot be counted. */
    @Override
    public Optional<String> unusable(Delivered<?> e) {
        if (e.payload() instanceof RectificationCaseOpened o
                && (o.jurisdiction() == null || o.jurisdiction().isBlank())) {
            return Optional.of("lacks jurisdiction");
        }
        if (e.payload() instanceof RectificationEvaluated v && v.outcome() == null) {
            return Optional.of("lacks outcome");
        }
        return Optional.empty();
    }

    @Override
    public Uni<Void> apply(SqlConnection conn, Delivered<?> event) {
        return applyAll(conn, List.of(event));
    }

    @Override
    public Uni<Void> applyAll(SqlConnection conn, List<Delivered<?>> events) {
        List<Tuple> opened = new ArrayList<>();
        List<Tuple> submitted = new ArrayList<>();
        List<Tuple> evaluated = new ArrayList<>();
        for (Delivered<?> e : events) {
            int version = version(e);
            if (e.payload() instanceof RectificationCaseOpened o) {
                opened.add(Tuple.tuple(Arrays.asList(InspectionRollUpProjection.idOr(o.caseId(), e), o.jurisdiction(),
                        o.reportDue())));
            } else if (e.payload() instanceof RectificationReportSubmitted s) {
                submitted.add(Tuple.of(InspectionRollUpProjection.idOr(s.caseId(), e), version));
            } else {
                RectificationEvaluated v = e.payloadAs(RectificationEvaluated.class);
                evaluated.add(Tuple.of(InspectionRollUpProjection.idOr(v.caseId(), e), version, v.outcome().name()));
            }
        }
        return RollUpStatements.batch(conn, OPENED, opened)
                .flatMap(done -> RollUpStatements.batch(conn, SUBMITTED, submitted))
                .flatMap(done -> RollUpStatements.batch(conn, EVALUATED, evaluated));
    }

    /**
     * The case's version at this event; without the extension, 1 for a report and 2 for an evaluation, so
     * that an evaluation still counts as after the report.
     */
    private static int version(Delivered<?> e) {
        return e.event().aggregateVersion().orElse(e.is(RectificationEvaluated.class) ? 2 : 1);
    }

    @Override
    public Uni<Void> reset(SqlConnection conn) {
        return conn.query("DELETE FROM roll_up_rectifications").execute().replaceWithVoid();
    }
}
