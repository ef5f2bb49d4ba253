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
import io.xunshi.contracts.inspection.PetitionChannel;
import io.xunshi.contracts.inspection.PetitionScope;
import io.xunshi.inspection.domain.Petition;
import io.xunshi.kernel.api.KeysetPage;
import io.xunshi.kernel.api.Page;
import io.xunshi.kernel.domain.Jurisdictions;

/** Petitions as lists read them, from the {@code petitions} read model. */
@ApplicationScoped
public class PetitionDirectory {

    private static final String COLUMNS = "petition_id, inspection_id, jurisdiction, channel, received_on, summary,"
            + " concerns, anonymous, status, scope, department, answer_due, answered_on, answered_late,"
            + " reporter_erased, version, received_at";

    /** What a list is narrowed to; null fields do not narrow. {@code overdueOn}: transfers unanswered past due. */
    public record Filter(String jurisdiction, String inspectionId, Petition.PetitionStatus status,
            LocalDate overdueOn) {
    }

    private final Pool pool;

    @Inject
    public PetitionDirectory(Pool pool) {
        this.pool = pool;
    }

    /** The petitions of a jurisdiction's subtree in the order they were received, a page at a time. */
    public Uni<Page<PetitionSummary>> list(Filter filter, String cursor, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM petitions WHERE jurisdiction LIKE $1");
        List<Object> args = new ArrayList<>();
        args.add(Jurisdictions.subtreePrefix(filter.jurisdiction()) + "%");
        if (filter.inspectionId() != null) {
            args.add(filter.inspectionId());
            sql.append(" AND inspection_id = $").append(args.size());
        }
        if (filter.status() != null) {
            args.add(filter.status().name());
            sql.append(" AND status = $").append(args.size());
        }
        if (filter.overdueOn() != null) {
            args.add(filter.overdueOn());
            sql.append(" AND status = 'TRANSFERRED' AND answer_due < $").append(args.size());
        }
        KeysetPage.after(sql, args, cursor, "received_at", "petition_id", limit);
        return pool.preparedQuery(sql.toString()).execute(Tuple.tuple(args))
                .map(rows -> KeysetPage.of(rows, limit, "received_at", "petition_id", PetitionDirectory::summary));
    }

    private static PetitionSummary summary(Row row) {
        String scope = row.getString("scope");
        return new PetitionSummary(row.getString("petition_id"), row.getString("inspection_id"),
                row.getString("jurisdiction"), PetitionChannel.valueOf(row.getString("channel")),
                row.getLocalDate("received_on"), row.getString("summary"), row.getString("concerns"),
                row.getBoolean("anonymous"), Petition.PetitionStatus.valueOf(row.getString("status")),
                scope == null ? null : PetitionScope.valueOf(scope), row.getString("department"),
                row.getLocalDate("answer_due"), row.getLocalDate("answered_on"), row.getBoolean("answered_late"),
                row.getBoolean("reporter_erased"), row.getInteger("version"));
    }
}
