package io.xunshi.rectification.infrastructure;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.xunshi.contracts.rectification.RectificationCaseOpened;
import io.xunshi.contracts.rectification.RectificationEvaluated;
import io.xunshi.contracts.rectification.RectificationProgressReported;
import io.xunshi.contracts.rectification.RectificationReportSubmitted;
import io.xunshi.contracts.rectification.RectificationTaskClosed;
import io.xunshi.kernel.eventstore.StoredEvent;
import io.xunshi.kernel.projection.Projection;
import io.xunshi.rectification.domain.RectificationCase;

/**
 * Keeps the {@code rectification_cases} read model, which the case list serves, from the case events. Each
 * row carries the version of the last event applied; an event at or below it is skipped, so applying a
 * batch again changes nothing.
 */
@ApplicationScoped
public class CaseListProjection implements Projection {

    private static final String OPEN = "INSERT INTO rectification_cases (case_id, inspection_id, round_id, plan_id,"
            + " jurisdiction, organisation_id, organisation_name, organisation_jurisdiction, organisation_location,"
            + " first_responsible, feedback_on, report_due, status, tasks_total, tasks_closed, version, opened_at)"
            + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'OPEN', $13, 0, $14, $15)"
            + " ON CONFLICT (case_id) DO NOTHING";
    /** One statement for every later event, so that a batch applies them in stream order. */
    private static final String CHANGE = "UPDATE rectification_cases SET version = $2,"
            + " tasks_closed = tasks_closed + $3,"
            + " status = COALESCE($4, status),"
            + " report_submitted_on = COALESCE($5, report_submitted_on),"
            + " report_on_time = COALESCE($6, report_on_time),"
            + " outcome = COALESCE($7, outcome),"
            + " evaluated_on = COALESCE($8, evaluated_on)"
            + " WHERE case_id = $1 AND version < $2";

    @Override
    public String name() {
        return "rectification-cases";
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(RectificationCaseOpened.TYPE, RectificationProgressReported.TYPE, RectificationTaskClosed.TYPE,
                RectificationReportSubmitted.TYPE, RectificationEvaluated.TYPE);
    }

    @Override
    public Uni<Void> apply(SqlConnection conn, StoredEvent event) {
        return applyAll(conn, List.of(event));
    }

    /** One round trip per statement for the whole batch: openings first, then the changes in stream order. */
    @Override
    public Uni<Void> applyAll(SqlConnection conn, List<StoredEvent> events) {
        List<Tuple> openings = new ArrayList<>();
        List<Tuple> changes = new ArrayList<>();
        for (StoredEvent e : events) {
            JsonNode p = e.payload();
            switch (e.type()) {
                case RectificationCaseOpened.TYPE -> openings.add(Tuple.tuple(Arrays.asList(e.streamId(),
                        text(p, "inspectionId"), text(p, "roundId"), text(p, "planId"), text(p, "jurisdiction"),
                        text(p, "organisationId"), text(p, "organisationName"), text(p, "organisationJurisdiction"),
                        text(p, "organisationLocation"), text(p, "firstResponsible"), date(p, "feedbackOn"),
                        date(p, "reportDue"), p.path("tasks").size(), e.version(),
                        OffsetDateTime.ofInstant(e.occurredAt(), ZoneOffset.UTC))));
                case RectificationTaskClosed.TYPE -> changes.add(change(e, 1, null, null, null, null, null));
                case RectificationReportSubmitted.TYPE -> changes.add(change(e, 0,
                        RectificationCase.Status.REPORT_SUBMITTED.name(), date(p, "submittedOn"),
                        p.path("onTime").asBoolean(), null, null));
                case RectificationEvaluated.TYPE -> changes.add(change(e, 0, RectificationCase.Status.EVALUATED.name(),
                        null, null, text(p, "outcome"), date(p, "evaluatedOn")));
                default -> changes.add(change(e, 0, null, null, null, null, null));
            }
        }
        Uni<Void> opened = openings.isEmpty()
                ? Uni.createFrom().voidItem()
                : conn.preparedQuery(OPEN).executeBatch(openings).replaceWithVoid();
        return opened.flatMap(ignored -> changes.isEmpty()
                ? Uni.createFrom().voidItem()
                : conn.preparedQuery(CHANGE).executeBatch(changes).replaceWithVoid());
    }

    @Override
    public Uni<Void> reset(SqlConnection conn) {
        return conn.query("DELETE FROM rectification_cases").execute().replaceWithVoid();
    }

    private static Tuple change(StoredEvent e, int closed, String status, LocalDate submittedOn, Boolean onTime,
            String outcome, LocalDate evaluatedOn) {
        return Tuple.tuple(Arrays.asList(e.streamId(), e.version(), closed, status, submittedOn, onTime, outcome,
                evaluatedOn));
    }

    private static String text(JsonNode payload, String field) {
        JsonNode value = payload.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static LocalDate date(JsonNode payload, String field) {
        String text = text(payload, field);
        return text == null ? null : LocalDate.parse(text);
    }
}
