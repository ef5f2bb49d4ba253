package io.xunshi.rectification.infrastructure;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.xunshi.contracts.rectification.RectificationCaseOpened;
import io.xunshi.contracts.rectification.RectificationEvaluated;
import io.xunshi.contracts.rectification.RectificationPlanFiled;
import io.xunshi.contracts.rectification.RectificationReportSubmitted;
import io.xunshi.contracts.rectification.RectificationTaskClosed;
import io.xunshi.contracts.rectification.ResponsibilityHandedOver;
import io.xunshi.contracts.rectification.TaskClosureRejected;
import io.xunshi.kernel.eventstore.StoredEvent;
import io.xunshi.kernel.projection.Projection;
import io.xunshi.kernel.projection.Recorded;
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
            + " evaluated_on = COALESCE($8, evaluated_on),"
            + " tasks_total = COALESCE($9, tasks_total),"
            + " first_responsible = COALESCE($10, first_responsible)"
            + " WHERE case_id = $1 AND version < $2";

    @Override
    public String name() {
        return "rectification-cases";
    }

    @Override
    public Set<Class<? extends Record>> events() {
        return CaseEvents.ALL;
    }

    @Override
    public Uni<Void> apply(SqlConnection conn, Recorded<?> event) {
        return applyAll(conn, List.of(event));
    }

    /** One round trip per statement for the whole batch: openings first, then the changes in stream order. */
    @Override
    public Uni<Void> applyAll(SqlConnection conn, List<Recorded<?>> events) {
        List<Tuple> openings = new ArrayList<>();
        List<Tuple> changes = new ArrayList<>();
        for (Recorded<?> recorded : events) {
            StoredEvent e = recorded.event();
            Object payload = recorded.payload();
            if (payload instanceof RectificationCaseOpened o) {
                openings.add(Tuple.tuple(Arrays.asList(e.streamId(), o.inspectionId(), o.roundId(), o.planId(),
                        o.jurisdiction(), o.organisationId(), o.organisationName(), o.organisationJurisdiction(),
                        o.organisationLocation(), o.firstResponsible(), o.feedbackOn(), o.reportDue(),
                        o.tasks().size(), e.version(), OffsetDateTime.ofInstant(e.occurredAt(), ZoneOffset.UTC))));
            } else if (payload instanceof RectificationPlanFiled plan) {
                // The plan's tasks replace the first ones, before any was closed.
                changes.add(change(e, 0, null, null, null, null, null, plan.tasks().size()));
            } else if (payload instanceof RectificationTaskClosed) {
                changes.add(change(e, 1, null, null, null, null, null));
            } else if (payload instanceof TaskClosureRejected) {
                // the task is open again
                changes.add(change(e, -1, null, null, null, null, null));
            } else if (payload instanceof RectificationReportSubmitted r) {
                changes.add(change(e, 0, RectificationCase.Status.REPORT_SUBMITTED.name(), r.submittedOn(), r.onTime(),
                        null, null));
            } else if (payload instanceof RectificationEvaluated v) {
                changes.add(change(e, 0, RectificationCase.Status.EVALUATED.name(), null, null, v.outcome().name(),
                        v.evaluatedOn()));
            } else if (payload instanceof ResponsibilityHandedOver h && h.firstResponsible()) {
                // the successor of the head is the first responsible person
                changes.add(Tuple.tuple(Arrays.asList(e.streamId(), e.version(), 0, null, null, null, null, null, null,
                        h.to())));
            } else {
                // progress, the head's report, another handover, supervision, accountability, the public view: only
                // the version moves
                changes.add(change(e, 0, null, null, null, null, null));
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
        return change(e, closed, status, submittedOn, onTime, outcome, evaluatedOn, null);
    }

    private static Tuple change(StoredEvent e, int closed, String status, LocalDate submittedOn, Boolean onTime,
            String outcome, LocalDate evaluatedOn, Integer tasksTotal) {
        return Tuple.tuple(Arrays.asList(e.streamId(), e.version(), closed, status, submittedOn, onTime, outcome,
                evaluatedOn, tasksTotal, null));
    }
}
