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
import io.xunshi.contracts.rectification.RectificationReportSubmitted;
import io.xunshi.contracts.rectification.RectificationTaskClosed;
import io.xunshi.contracts.rectification.ResponsibilityHandedOver;
import io.xunshi.kernel.eventstore.StoredEvent;
import io.xunshi.kernel.projection.Projection;
import io.xunshi.kernel.projection.Recorded;
import io.xunshi.rectification.application.Signals;
import io.xunshi.rectification.application.WarningDays;

/**
 * Keeps {@code rectification_deadlines}, what is due on each case until it is done: the two reports from the opening,
 * the plan's tasks with a due date (long-term tasks have none), each with the day it turns yellow. A closed task, a
 * submitted report and an evaluated case leave it. The signal lists ({@link Signals}) read it.
 */
@ApplicationScoped
public class DeadlineProjection implements Projection {

    private static final String OPEN_CASE = "INSERT INTO rectification_deadline_cases (case_id, version, inspection_id,"
            + " jurisdiction, organisation_id, organisation_name, organisation_location) VALUES ($1, $2, $3, $4, $5, $6,"
            + " $7) ON CONFLICT (case_id) DO NOTHING";
    private static final String NEXT_VERSION = "UPDATE rectification_deadline_cases SET version = $2 WHERE case_id = $1"
            + " AND version < $2";
    private static final String ADD = "INSERT INTO rectification_deadlines (case_id, item_id, kind, inspection_id,"
            + " jurisdiction, organisation_id, organisation_name, organisation_location, responsible, description, due_on,"
            + " warn_from) SELECT case_id, $2, $3, inspection_id, jurisdiction, organisation_id, organisation_name,"
            + " organisation_location, $4, $5, $6, $7 FROM rectification_deadline_cases WHERE case_id = $1"
            + " ON CONFLICT (case_id, item_id) DO NOTHING";
    private static final String DONE = "DELETE FROM rectification_deadlines WHERE case_id = $1 AND item_id = $2";

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
                    o.organisationLocation()))).flatMap(rows -> rows.rowCount() == 0
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
                            if (t.dueOn() != null) {
                                all = all.flatMap(v -> add(conn, caseId, t.taskId(), Signals.TASK, t.owner(),
                                        t.description(), t.dueOn(), warn));
                            }
                        }
                        return all;
                    });
        }
        if (payload instanceof RectificationTaskClosed c) {
            return conn.preparedQuery(DONE).execute(Tuple.of(caseId, c.taskId())).replaceWithVoid();
        }
        if (payload instanceof RectificationReportSubmitted) {
            return conn.preparedQuery(DONE).execute(Tuple.of(caseId, Signals.REPORT)).replaceWithVoid();
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
        // progress: only the version moves
        return Uni.createFrom().voidItem();
    }

    private static Uni<Void> add(SqlConnection conn, String caseId, String item, String kind, String responsible,
            String description, LocalDate due, int warnDays) {
        return conn.preparedQuery(ADD).execute(Tuple.tuple(Arrays.asList(caseId, item, kind, responsible, description,
                due, due.minusDays(warnDays)))).replaceWithVoid();
    }

    @Override
    public Uni<Void> reset(SqlConnection conn) {
        return conn.query("DELETE FROM rectification_deadlines").execute()
                .flatMap(v -> conn.query("DELETE FROM rectification_deadline_cases").execute()).replaceWithVoid();
    }
}
