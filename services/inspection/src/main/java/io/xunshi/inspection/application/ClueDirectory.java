package io.xunshi.inspection.application;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.xunshi.contracts.inspection.ClueCategory;
import io.xunshi.contracts.inspection.ClueDisposition;
import io.xunshi.contracts.inspection.ClueReceiver;
import io.xunshi.inspection.domain.Clue;
import io.xunshi.kernel.api.KeysetPage;
import io.xunshi.kernel.api.Page;
import io.xunshi.kernel.domain.Jurisdictions;

/** Problem clues as lists read them, from the {@code clues} read model. */
@ApplicationScoped
public class ClueDirectory {

    private static final String COLUMNS = "clue_id, inspection_id, jurisdiction, organisation_id, category, receiver,"
            + " receiver_unit, summary, handed_over_on, due_on, status, acknowledged_on, disposition, disposed_on,"
            + " late, version, handed_over_at";

    /**
     * What a list is narrowed to: the receivers the caller sees, and optionally an inspection, a status, or only the
     * clues open past their due date on {@code today} ({@code overdue}).
     */
    public record Filter(String jurisdiction, List<ClueReceiver> receivers, String inspectionId,
            Clue.ClueStatus status, boolean overdue, LocalDate today) {
    }

    private final Pool pool;

    @Inject
    public ClueDirectory(Pool pool) {
        this.pool = pool;
    }

    public Uni<Page<ClueSummary>> list(Filter filter, String cursor, int limit) {
        if (filter.receivers().isEmpty()) {
            return Uni.createFrom().item(new Page<>(List.of(), null));
        }
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM clues WHERE jurisdiction LIKE $1"
                + " AND receiver = ANY($2)");
        List<Object> args = new ArrayList<>();
        args.add(Jurisdictions.subtreePrefix(filter.jurisdiction()) + "%");
        args.add(filter.receivers().stream().map(Enum::name).toArray(String[]::new));
        if (filter.inspectionId() != null) {
            args.add(filter.inspectionId());
            sql.append(" AND inspection_id = $").append(args.size());
        }
        if (filter.status() != null) {
            args.add(filter.status().name());
            sql.append(" AND status = $").append(args.size());
        }
        if (filter.overdue()) {
            args.add(filter.today());
            sql.append(" AND status <> 'DISPOSED' AND due_on < $").append(args.size());
        }
        KeysetPage.after(sql, args, cursor, "handed_over_at", "clue_id", limit);
        return pool.preparedQuery(sql.toString()).execute(Tuple.tuple(args)).map(rows -> KeysetPage.of(rows, limit,
                "handed_over_at", "clue_id", row -> summary(row, filter.today())));
    }

    private static ClueSummary summary(Row row, LocalDate today) {
        String disposition = row.getString("disposition");
        Clue.ClueStatus status = Clue.ClueStatus.valueOf(row.getString("status"));
        LocalDate due = row.getLocalDate("due_on");
        return new ClueSummary(row.getString("clue_id"), row.getString("inspection_id"), row.getString("jurisdiction"),
                row.getString("organisation_id"), ClueCategory.valueOf(row.getString("category")),
                ClueReceiver.valueOf(row.getString("receiver")), row.getString("receiver_unit"),
                row.getString("summary"), row.getLocalDate("handed_over_on"), due, status,
                row.getLocalDate("acknowledged_on"), disposition == null ? null : ClueDisposition.valueOf(disposition),
                row.getLocalDate("disposed_on"), row.getBoolean("late"),
                status != Clue.ClueStatus.DISPOSED && today.isAfter(due), row.getInteger("version"));
    }
}
