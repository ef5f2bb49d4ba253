package io.xunshi.benchmarks;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.xunshi.kernel.projection.Projection;
import io.xunshi.kernel.projection.Recorded;

/**
 * The findings list, one row per recorded finding, kept from the store: the read model the rebuild
 * scenario rebuilds. It writes a whole batch with one statement, one array parameter per column turned back
 * into rows by {@code unnest} ({@link Projection#applyAll}): PostgreSQL plans and executes one statement
 * per batch instead of one per row.
 */
@ApplicationScoped
public class FindingsProjection implements Projection {

    static final String NAME = "bench-findings";
    static final String INSERT = "INSERT INTO %s (finding_id, stream_id, version, jurisdiction, category, severity,"
            + " title, due_date) SELECT * FROM unnest($1::uuid[], $2::text[], $3::int[], $4::text[], $5::text[],"
            + " $6::text[], $7::text[], $8::date[]) ON CONFLICT (finding_id) DO NOTHING";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<Class<? extends Record>> events() {
        return Set.of(BenchEvents.Finding.class);
    }

    @Override
    public Uni<Void> apply(SqlConnection conn, Recorded<?> event) {
        return applyAll(conn, List.of(event));
    }

    @Override
    public Uni<Void> applyAll(SqlConnection conn, List<Recorded<?>> events) {
        Rows rows = new Rows(events.size());
        events.forEach(e -> rows.add(e.event().streamId(), e.event().version(), e.event().jurisdiction(),
                e.payloadAs(BenchEvents.Finding.class)));
        return conn.preparedQuery(INSERT.formatted("findings")).execute(rows.tuple()).replaceWithVoid();
    }

    @Override
    public Uni<Void> reset(SqlConnection conn) {
        return conn.query("DELETE FROM findings").execute().replaceWithVoid();
    }

    /** A batch of findings as one array per column, the parameters of {@link #INSERT}. */
    static final class Rows {

        private final UUID[] ids;
        private final String[] streams;
        private final Integer[] versions;
        private final String[] jurisdictions;
        private final String[] categories;
        private final String[] severities;
        private final String[] titles;
        private final LocalDate[] dueDates;
        private int size;

        Rows(int capacity) {
            ids = new UUID[capacity];
            streams = new String[capacity];
            versions = new Integer[capacity];
            jurisdictions = new String[capacity];
            categories = new String[capacity];
            severities = new String[capacity];
            titles = new String[capacity];
            dueDates = new LocalDate[capacity];
        }

        void add(String streamId, int version, String jurisdiction, BenchEvents.Finding finding) {
            ids[size] = finding.findingId();
            streams[size] = streamId;
            versions[size] = version;
            jurisdictions[size] = jurisdiction;
            categories[size] = finding.category();
            severities[size] = finding.severity();
            titles[size] = finding.title();
            dueDates[size] = finding.dueDate();
            size++;
        }

        Tuple tuple() {
            return Tuple.from(new Object[]{ ids, streams, versions, jurisdictions, categories, severities, titles,
                    dueDates });
        }
    }
}
