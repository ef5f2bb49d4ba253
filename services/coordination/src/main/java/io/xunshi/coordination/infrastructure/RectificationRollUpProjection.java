package io.xunshi.coordination.infrastructure;

import java.time.LocalDate;
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
import io.xunshi.kernel.consumer.IncomingEvent;
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
    public static final String TOPIC = "xunshi.rectification.events";

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
    public String topic() {
        return TOPIC;
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(RectificationCaseOpened.TYPE, RectificationReportSubmitted.TYPE, RectificationEvaluated.TYPE);
    }

    /** Counted by the jurisdiction it happened in, so an opening without one cannot be counted. */
    @Override
    public Optional<String> unusable(IncomingEvent e) {
        return switch (e.type()) {
            case RectificationCaseOpened.TYPE -> e.missingText("jurisdiction");
            case RectificationEvaluated.TYPE -> e.missingText("outcome");
            default -> Optional.empty();
        };
    }

    @Override
    public Uni<Void> apply(SqlConnection conn, IncomingEvent event) {
        return applyAll(conn, List.of(event));
    }

    @Override
    public Uni<Void> applyAll(SqlConnection conn, List<IncomingEvent> events) {
        List<Tuple> opened = new ArrayList<>();
        List<Tuple> submitted = new ArrayList<>();
        List<Tuple> evaluated = new ArrayList<>();
        for (IncomingEvent e : events) {
            String id = e.payload().path("caseId").asText(e.subject());
            int version = version(e);
            switch (e.type()) {
                case RectificationCaseOpened.TYPE -> {
                    String due = e.payload().path("reportDue").asText(null);
                    opened.add(Tuple.tuple(Arrays.asList(id, e.payload().path("jurisdiction").asText(),
                            due == null ? null : LocalDate.parse(due))));
                }
                case RectificationReportSubmitted.TYPE -> submitted.add(Tuple.of(id, version));
                default -> evaluated.add(Tuple.of(id, version, e.payload().path("outcome").asText()));
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
    private static int version(IncomingEvent e) {
        return e.aggregateVersion().orElse(e.type().equals(RectificationEvaluated.TYPE) ? 2 : 1);
    }

    @Override
    public Uni<Void> reset(SqlConnection conn) {
        return conn.query("DELETE FROM roll_up_rectifications").execute().replaceWithVoid();
    }
}
