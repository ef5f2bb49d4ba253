package io.xunshi.rectification.application;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.xunshi.contracts.rectification.EvaluationOutcome;
import io.xunshi.kernel.api.Cursor;
import io.xunshi.kernel.api.Page;
import io.xunshi.kernel.domain.Jurisdictions;
import io.xunshi.kernel.security.Caller;
import io.xunshi.kernel.security.Role;
import io.xunshi.rectification.domain.RectificationCase;

/**
 * Lists the cases a caller may read from the read model, in the order they were opened, a page at a time.
 * The rule is {@link CaseAccess}'s, written as SQL over the caller's subtree.
 */
@ApplicationScoped
public class CaseDirectory {

    /** What a list may be narrowed by; both are optional. */
    public record Filter(String inspectionId, RectificationCase.Status status) {
    }

    private final Pool pool;

    @Inject
    public CaseDirectory(Pool pool) {
        this.pool = pool;
    }

    public Uni<Page<CaseSummary>> list(Caller caller, Filter filter, String cursor, int limit) {
        List<String> after = Cursor.decode(cursor, 2);
        List<Object> args = new ArrayList<>();
        args.add(Jurisdictions.subtreePrefix(caller.jurisdiction()) + "%");
        List<String> scopes = new ArrayList<>();
        if (caller.hasRole(Role.RECTIFICATION_OWNER) && caller.organisation() != null) {
            args.add(caller.organisation());
            scopes.add("(organisation_location LIKE $1 AND organisation_id = $" + args.size() + ")");
        }
        if (caller.hasRole(Role.INSPECTION_OFFICE) || caller.hasRole(Role.AUDITOR)
                || caller.hasRole(Role.DISCIPLINE_LIAISON) || caller.hasRole(Role.ORGANISATION_LIAISON)) {
            scopes.add("jurisdiction LIKE $1");
        }
        if (scopes.isEmpty()) {
            return Uni.createFrom().item(new Page<>(List.of(), null));
        }
        StringBuilder sql = new StringBuilder("SELECT * FROM rectification_cases WHERE (")
                .append(String.join(" OR ", scopes)).append(')');
        if (filter.inspectionId() != null) {
            args.add(filter.inspectionId());
            sql.append(" AND inspection_id = $").append(args.size());
        }
        if (filter.status() != null) {
            args.add(filter.status().name());
            sql.append(" AND status = $").append(args.size());
        }
        if (!after.isEmpty()) {
            args.add(Cursor.timestamp(after.get(0)));
            args.add(after.get(1));
            sql.append(" AND (opened_at, case_id) > ($").append(args.size() - 1).append(", $").append(args.size())
                    .append(')');
        }
        args.add(limit + 1);
        sql.append(" ORDER BY opened_at, case_id LIMIT $").append(args.size());
        LocalDate today = CaseAccess.today();
        return pool.preparedQuery(sql.toString()).execute(Tuple.tuple(args)).map(rows -> {
            List<CaseSummary> items = new ArrayList<>();
            String next = null;
            Row last = null;
            for (Row row : rows) {
                if (items.size() == limit) {
                    next = Cursor.encode(last.getOffsetDateTime("opened_at").toString(), last.getString("case_id"));
                    break;
                }
                items.add(summary(row, today));
                last = row;
            }
            return new Page<>(items, next);
        });
    }

    private static CaseSummary summary(Row row, LocalDate today) {
        RectificationCase.Status status = RectificationCase.Status.valueOf(row.getString("status"));
        LocalDate due = row.getLocalDate("report_due");
        String outcome = row.getString("outcome");
        return new CaseSummary(row.getString("case_id"), row.getString("inspection_id"), row.getString("round_id"),
                row.getString("plan_id"), row.getString("jurisdiction"), row.getString("organisation_id"),
                row.getString("organisation_name"), row.getString("organisation_jurisdiction"),
                row.getString("organisation_location"), row.getString("first_responsible"),
                row.getLocalDate("feedback_on"), due, status,
                status == RectificationCase.Status.OPEN && today.isAfter(due), row.getInteger("tasks_total"),
                row.getInteger("tasks_closed"), row.getLocalDate("report_submitted_on"),
                row.getBoolean("report_on_time"), outcome == null ? null : EvaluationOutcome.valueOf(outcome),
                row.getLocalDate("evaluated_on"), row.getInteger("version"));
    }
}
