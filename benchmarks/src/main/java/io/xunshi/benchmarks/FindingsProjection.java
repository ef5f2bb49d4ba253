package io.xunshi.benchmarks;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.xunshi.kernel.eventstore.StoredEvent;
import io.xunshi.kernel.projection.Projection;

/**
 * The findings list, one row per recorded finding, kept from the store: the read model the rebuild
 * scenario rebuilds. It writes a whole batch with one {@code executeBatch}, as {@link Projection#applyAll}
 * recommends.
 */
@ApplicationScoped
public class FindingsProjection implements Projection {

    static final String NAME = "bench-findings";
    static final String INSERT = "INSERT INTO %s (finding_id, stream_id, version, jurisdiction, category, severity,"
            + " title, due_date) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (finding_id) DO NOTHING";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(BenchEvents.TYPE);
    }

    @Override
    public Uni<Void> apply(SqlConnection conn, StoredEvent event) {
        return applyAll(conn, List.of(event));
    }

    @Override
    public Uni<Void> applyAll(SqlConnection conn, List<StoredEvent> events) {
        List<Tuple> rows = events.stream()
                .map(e -> row(e.streamId(), e.version(), e.jurisdiction(), e.payload())).toList();
        return conn.preparedQuery(INSERT.formatted("findings")).executeBatch(rows).replaceWithVoid();
    }

    @Override
    public Uni<Void> reset(SqlConnection conn) {
        return conn.query("DELETE FROM findings").execute().replaceWithVoid();
    }

    static Tuple row(String streamId, int version, String jurisdiction, JsonNode payload) {
        return Tuple.from(new Object[] {UUID.fromString(payload.get("findingId").asText()), streamId, version,
                jurisdiction, payload.get("category").asText(), payload.get("severity").asText(),
                payload.get("title").asText(), LocalDate.parse(payload.get("dueDate").asText())});
    }
}
