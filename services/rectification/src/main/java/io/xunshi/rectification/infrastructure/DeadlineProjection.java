package io.xunshi.rectification.infrastructure;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.xunshi.contracts.rectification.HeadReportSubmitted;
import io.xunshi.contracts.rectification.PlannedTask;
import io.xunshi.contracts.rectification.RectificationCaseOpened;
import io.xunshi.contracts.rectification.RectificationEvaluated;
import io.xunshi.contracts.rectification.RectificationPlanFiled;
import io.xunshi.contracts.rectification.RectificationProgressReported;
import io.xunshi.contracts.rectification.RectificationReportSubmitted;
import io.xunshi.contracts.rectification.RectificationTaskClosed;
import io.xunshi.contracts.rectification.ResponsibilityHandedOver;
import io.xunshi.contracts.rectification.TaskClosureRejected;
import io.xunshi.kernel.eventstore.StoredEvent;
import io.xunshi.kernel.projection.Projection;
import io.xunshi.kernel.projection.Recorded;
import io.xunshi.rectification.application.Signals;
import io.xunshi.rectification.application.WarningDays;

/**
 * Keeps {@code rectification_deadlines}, what is due on each case until it is done: the two reports from the opening,
 * the plan's tasks with a due date, and its long-term tasks, due progress every period from the report on (before the
 * report they have no date), each with the day it turns yellow. A submitted report and an evaluated case leave it; a
 * closed task stays marked done, until a rejection of its closure opens it again. The signal lists ({@link Signals}) read it.
 */
@ApplicationScoped
public class DeadlineProjection implements Projection {

    private static final String OPEN_CASE = "INSERT INTO rectification_deadline_cases (case_id, version, inspection_id,"
            + " jurisdiction, organisation_id, organisation_name, organisation_location, warn_days) VALUES ($1, $2, $3,"
            + " $4, $5, $6, $7, $8) ON CONFLICT (case_id) DO NOTHING";
    private static final String NEXT_VERSION = "UPDATE rectification_deadline_cases SET version = $2 WHERE case_id = $1"
            + " AND version < $2";
    private static final String ADD = "INSERT INTO rectification_deadlines (case_id, item_id, kind, inspection_id,"
            + " jurisdiction, organisation_id, organisation_name, organisation_location, responsible, description, due_on,"
            + " warn_from) SELECT case_id, $2, $3, inspection_id, jurisdiction, organisation_id, organisation_name,"
            + " organisation_location, $4, $5, $6, $7 FROM rectification_deadline_cases WHERE case_id = $1"
            + " ON CONFLICT (case_id, item_id) DO NOTHING";
    private static final String DONE = "DELETE FROM rectification_deadlines WHERE case_id = $1 AND item_id = $2";
    private static final String TASK_DONE = "UPDATE rectification_deadlines SET done = $3 WHERE case_id = $1"
            + " AND item_id = $2";
    /**
     * From the report, long-term tasks are due progress every progress_days after the later of the report's day and
     * their latest progress (as the case's own state has it, RectificationCase.State#nextProgressDue).
     */
    private static final String PROGRESS_FROM_REPORT = "UPDATE rectification_deadlines d SET due_on = GREATEST($2::date,"
            + " COALESCE(d.last_progress_on, $2::date)) + c.progress_days, warn_from = GREATEST($2::date,"
            + " COALESCE(d.last_progress_on, $2::date)) + c.progress_days - c.warn_days FROM rectification_deadline_cases c"
            + " WHERE d.case_id = $1 AND d.kind = '" + Signals.PROGRESS + "' AND c.case_id = d.case_id";
    /**
     * Progress on a long-term task: its latest progress day, and after the report its next due date a period after
     * it (never earlier than it was).
     */
    private static final String PROGRESS_REPORTED = "UPDATE rectification_deadlines d SET last_progress_on ="
            + " GREATEST(d.last_progress_on, $3::date), due_on = CASE WHEN d.due_on IS NULL THEN NULL ELSE"
            + " GREATEST(d.due_on, $3::date + c.progress_days) END, warn_from = CASE WHEN d.due_on IS NULL THEN NULL"
            + " ELSE GREATEST(d.due_on, $3::date + c.progress_days) - c.warn_days END FROM rectification_deadline_cases c"
            + " WHERE d.case_id = $1 AND d.item_id = $2 AND d.kind = '" + Signals.PROGRESS
            + "' AND c.case_id = d.case_id";

    private final WarningDays warningDays;

    @Inject
    public DeadlineProjection(WarningDays warningDays) {
        this.warningDays = warningDays;
    }

    @Override
    public String name() {
        return "rectification-deadlines";
    }

    @Override
    public Set<Class<? extends Record>> events() {
        return CaseEvents.ALL;
    }

    @Override
    public Uni<Void> apply(SqlConnection conn, Recorded<?> recorded) {
        StoredEvent e = recorded.event();
        Object payload = recorded.payload();
        if (payload instanceof RectificationCaseOpened o) {
            int warn = warningDays.forJurisdiction(o.jurisdiction());
            return conn.preparedQuery(OPEN_CASE).execute(Tuple.tuple(Arrays.asList(e.streamId(), e.version(),
                    o.inspectionId(), o.jurisdiction(), o.organisationId(), o.organisationName(),
                    o.organisationLocation(), warn))).flatMap(rows -> rows.rowCount() == 0
                            ? Uni.createFrom().voidItem()
                            : add(conn, e.streamId(), Signals.REPORT, Signals.REPORT, o.firstResponsible(),
                                    "整改报告", o.reportDue(), warn)
                                    .flatMap(v -> add(conn, e.streamId(), Signals.HEAD_REPORT, Signals.HEAD_REPORT,
                                            o.firstResponsible(), "主要负责人组织落实情况报告", o.reportDue(), warn)));
        }
        return conn.preparedQuery(NEXT_VERSION).execute(Tuple.of(e.streamId(), e.version()))
                .flatMap(rows -> rows.rowCount() == 0 ? Uni.createFrom().voidItem() : change(conn, e, payload));
    }

    private Uni<Void> change(SqlConnection conn, StoredEvent e, Object payload) {
        String caseId = e.streamId();
        if (payload instanceof RectificationPlanFiled plan) {
            // The first tasks have no due date, so the plan's are the case's only task rows.
            return conn.preparedQuery("SELECT jurisdiction FROM rectification_deadline_cases WHERE case_id = $1")
                    .execute(Tuple.of(caseId)).flatMap(rows -> {
                        int warn = warningDays.forJurisdiction(rows.iterator().next().getString("jurisdiction"));
                        Uni<Void> all = Uni.createFrom().voidItem();
                        for (PlannedTask t : plan.tasks()) {
                            // a long-term task is due progress from the report on: no date yet
                            String kind = t.dueOn() != null ? Signals.TASK : Signals.PROGRESS;
                            all = all.flatMap(v -> add(conn, caseId, t.taskId(), kind, t.owner(), t.description(),
                                    t.dueOn(), warn));
                        }
                        return all;
                    });
        }
        if (payload instanceof RectificationTaskClosed c) {
            return conn.preparedQuery(TASK_DONE).execute(Tuple.of(caseId, c.taskId(), true)).replaceWithVoid();
        }
        if (payload instanceof TaskClosureRejected r) {
            return conn.preparedQuery(TASK_DONE).execute(Tuple.of(caseId, r.taskId(), false)).replaceWithVoid();
        }
        if (payload instanceof RectificationProgressReported p) {
            return conn.preparedQuery(PROGRESS_REPORTED).execute(Tuple.of(caseId, p.taskId(), p.reportedOn()))
                    .replaceWithVoid();
        }
        if (payload instanceof RectificationReportSubmitted r) {
            Uni<Void> done = conn.preparedQuery(DONE).execute(Tuple.of(caseId, Signals.REPORT)).replaceWithVoid();
            if (r.longTermProgressDays() == null) {
                return done;
            }
            return done.flatMap(v -> conn.preparedQuery("UPDATE rectification_deadline_cases SET progress_days = $2"
                    + " WHERE case_id = $1").execute(Tuple.of(caseId, r.longTermProgressDays())))
                    .flatMap(v -> conn.preparedQuery(PROGRESS_FROM_REPORT).execute(Tuple.of(caseId, r.submittedOn())))
                    .replaceWithVoid();
        }
        if (payload instanceof HeadReportSubmitted) {
            return conn.preparedQuery(DONE).execute(Tuple.of(caseId, Signals.HEAD_REPORT)).replaceWithVoid();
        }
        if (payload instanceof ResponsibilityHandedOver h) {
            List<String> items = new java.util.ArrayList<>(h.taskIds());
            if (h.firstResponsible()) {
                items.addAll(List.of(Signals.REPORT, Signals.HEAD_REPORT));
            }
            return conn.preparedQuery("UPDATE rectification_deadlines SET responsible = $3 WHERE case_id = $1"
                    + " AND item_id = ANY($2)").execute(Tuple.of(caseId, items.toArray(new String[0]), h.to()))
                    .replaceWithVoid();
        }
        if (payload instanceof RectificationEvaluated) {
            // The evaluation concludes the case: nothing on it is due any more.
            return conn.preparedQuery("DELETE FROM rectification_deadlines WHERE case_id = $1")
                    .execute(Tuple.of(caseId))
                    .replaceWithVoid();
        }
        // supervision, consultations, accountability, the public view: only the version moves
        return Uni.createFrom().voidItem();
    }

    private static Uni<Void> add(SqlConnection conn, String caseId, String item, String kind, String responsible,
            String description, LocalDate due, int warnDays) {
        return conn.preparedQuery(ADD).execute(Tuple.tuple(Arrays.asList(caseId, item, kind, responsible, description,
                due, due == null ? null : due.minusDays(warnDays)))).replaceWithVoid();
    }

    @Override
    public Uni<Void> reset(SqlConnection conn) {
        return conn.query("DELETE FROM rectification_deadlines").execute()
                .flatMap(v -> conn.query("DELETE FROM rectification_deadline_cases").execute()).replaceWithVoid();
    }
}
