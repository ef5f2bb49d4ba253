package io.xunshi.rectification.application;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.xunshi.kernel.api.Cursor;
import io.xunshi.kernel.api.Page;
import io.xunshi.kernel.domain.Jurisdictions;
import io.xunshi.kernel.security.Caller;
import io.xunshi.kernel.security.Role;

/**
 * The escalation lists (红黄灯预警): what is due on the cases of a jurisdiction's subtree and turned yellow (within the
 * level's warning days of its due date, {@link WarningDays}) or red (past it) — open tasks with a due date, long-term
 * tasks' periodic progress reports after the rectification report, and the two reports — from the {@code rectification_deadlines} read model, soonest due first. Red escalates: the inspection
 * office and the discipline organ's liaison see it; the liaison sees red only. Owners see their own organisation's.
 */
@ApplicationScoped
public class Signals {

    /** The item ids of the two reports; tasks are known by their task id. */
    public static final String REPORT = "REPORT";
    public static final String HEAD_REPORT = "HEAD_REPORT";
    /** The kind of a task's row. */
    public static final String TASK = "TASK";
    /** The kind of a long-term task's row: its next progress report is due. */
    public static final String PROGRESS = "PROGRESS";

    /** Yellow within the warning days of the due date, red after it. */
    public enum Light {
        YELLOW, RED
    }

    /** What is due, and its light today. */
    @Schema(name = "DueItem")
    public record DueItem(String caseId, @Schema(description = "A task id, or REPORT, HEAD_REPORT") String itemId,
            @Schema(description = "TASK (a task due), PROGRESS (a long-term task's next progress report, due every period from"
                    + " the report), REPORT or HEAD_REPORT") String kind,
            String inspectionId, String jurisdiction,
            String organisationId, String organisationName, String responsible, String description, LocalDate dueOn,
            Light light, @Schema(description = "Days past the due date; 0 while yellow") long daysOverdue) {
    }

    private final Pool pool;

    @Inject
    public Signals(Pool pool) {
        this.pool = pool;
    }

    /** The items of {@code scope}'s subtree the caller may see, of {@code light} (both when null), on {@code today}. */
    public Uni<Page<DueItem>> list(Caller caller, String scope, Light light, LocalDate today, String cursor,
            int limit) {
        List<String> after = Cursor.decode(cursor, 3);
        List<Object> args = new ArrayList<>();
        args.add(Jurisdictions.subtreePrefix(scope) + "%");
        args.add(today);
        List<String> scopes = new ArrayList<>();
        if (caller.hasRole(Role.INSPECTION_OFFICE) || caller.hasRole(Role.AUDITOR)) {
            scopes.add("jurisdiction LIKE $1");
        }
        if (caller.hasRole(Role.DISCIPLINE_LIAISON)) {
            scopes.add("(jurisdiction LIKE $1 AND due_on < $2)");
        }
        if (caller.hasRole(Role.RECTIFICATION_OWNER) && caller.organisation() != null) {
            args.add(caller.organisation());
            scopes.add("(organisation_location LIKE $1 AND organisation_id = $" + args.size() + ")");
        }
        if (scopes.isEmpty()) {
            return Uni.createFrom().item(new Page<>(List.of(), null));
        }
        StringBuilder sql = new StringBuilder("SELECT * FROM rectification_deadlines WHERE NOT done AND (")
                .append(String.join(" OR ", scopes)).append(')');
        if (light == Light.RED) {
            sql.append(" AND due_on < $2");
        } else if (light == Light.YELLOW) {
            sql.append(" AND due_on >= $2 AND warn_from <= $2");
        } else {
            sql.append(" AND warn_from <= $2");
        }
        if (!after.isEmpty()) {
            args.add(Cursor.date(after.get(0)));
            args.add(after.get(1));
            args.add(after.get(2));
            sql.append(" AND (due_on, case_id, item_id) > ($").append(args.size() - 2).append(", $")
                    .append(args.size() - 1).append(", $").append(args.size()).append(')');
        }
        args.add(limit + 1);
        sql.append(" ORDER BY due_on, case_id, item_id LIMIT $").append(args.size());
        return pool.preparedQuery(sql.toString()).execute(Tuple.tuple(args)).map(rows -> {
            List<DueItem> items = new ArrayList<>();
            String next = null;
            Row last = null;
            for (Row row : rows) {
                if (items.size() == limit) {
                    next = Cursor.encode(last.getLocalDate("due_on").toString(), last.getString("case_id"),
                            last.getString("item_id"));
                    break;
                }
                items.add(item(row, today));
                last = row;
            }
            return new Page<>(items, next);
        });
    }

    private static DueItem item(Row row, LocalDate today) {
        LocalDate due = row.getLocalDate("due_on");
        boolean red = today.isAfter(due);
        return new DueItem(row.getString("case_id"), row.getString("item_id"), row.getString("kind"),
                row.getString("inspection_id"), row.getString("jurisdiction"), row.getString("organisation_id"),
                row.getString("organisation_name"), row.getString("responsible"), row.getString("description"), due,
                red ? Light.RED : Light.YELLOW, red ? ChronoUnit.DAYS.between(due, today) : 0);
    }
}
