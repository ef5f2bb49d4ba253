package io.xunshi.coordination.application;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.xunshi.contracts.coordination.JurisdictionEvent;
import io.xunshi.contracts.coordination.JurisdictionLevel;
import io.xunshi.coordination.domain.DivisionTable;
import io.xunshi.coordination.domain.Jurisdiction;
import io.xunshi.kernel.aggregate.AggregateRepository;
import io.xunshi.kernel.aggregate.EventCodec;
import io.xunshi.kernel.command.CommandPath;
import io.xunshi.kernel.domain.Jurisdictions;
import io.xunshi.kernel.eventstore.EventMetadata;
import io.xunshi.kernel.eventstore.EventStore;
import io.xunshi.kernel.eventstore.ExpectedVersion;
import io.xunshi.kernel.eventstore.NewEvent;

/**
 * The jurisdiction tree's write side: each jurisdiction is an aggregate whose stream id is its code.
 * Registers a division table's jurisdictions (many new streams per transaction), renames, and answers
 * which codes the store holds — from the event store itself, so that a write never trusts a lagging read
 * model.
 */
@ApplicationScoped
public class JurisdictionTree {

    public static final String STREAM_TYPE = "Jurisdiction";
    public static final String CENTRE_NAME = "中央";
    /** How many new streams one transaction creates. */
    public static final int BATCH = 500;
    /** How many appends of one transaction are in flight on its connection at once. */
    private static final int PIPELINE = 32;

    /** Serialises the registrations of several replicas or imports, one batch transaction at a time. */
    private static final String LOCK = "SELECT pg_advisory_xact_lock(hashtext('xunshi.coordination.jurisdictions'))";

    /** A jurisdiction as the store holds it: its latest name and its stream version. */
    public record Current(String code, String name, int version) {
    }

    /** What an import did. */
    public record ImportReport(String source, int registered, int renamed, int unchanged, List<String> absent) {
    }

    private final EventStore store;
    private final EventCodec<JurisdictionEvent> codec;
    private final AggregateRepository<Jurisdiction.Command, JurisdictionEvent, Jurisdiction.State> repository;

    @Inject
    public JurisdictionTree(EventStore store, ObjectMapper json) {
        this.store = store;
        this.codec = EventCodec.of(json, JurisdictionEvent.class);
        this.repository = new AggregateRepository<>(store, json, STREAM_TYPE, new Jurisdiction(), codec,
                Jurisdiction.State.class, 0);
    }

    public Uni<AggregateRepository.Loaded<Jurisdiction.State>> load(String code) {
        return repository.load(code);
    }

    /** The Centre and then every division of the table, as registrations from {@code source}. */
    public static List<Jurisdiction.Register> registrations(DivisionTable table, String source) {
        List<Jurisdiction.Register> all = new ArrayList<>(table.divisions().size() + 1);
        all.add(new Jurisdiction.Register(Jurisdictions.CENTRE, CENTRE_NAME, JurisdictionLevel.CENTRAL, null, source));
        for (DivisionTable.Division d : table.divisions()) {
            all.add(new Jurisdiction.Register(d.code(), d.name(), d.level(), d.parentCode(), source));
        }
        return all;
    }

    /** How many jurisdictions the store holds. */
    public Uni<Long> count() {
        return store.pool().preparedQuery("SELECT count(*) AS n FROM events WHERE stream_type = $1 AND version = 1")
                .execute(Tuple.of(STREAM_TYPE)).map(rows -> rows.iterator().next().getLong("n"));
    }

    /** The codes among {@code codes} that are not in the tree. */
    public Uni<Set<String>> missing(Set<String> codes) {
        return store.pool().preparedQuery("SELECT stream_id FROM events WHERE stream_id = ANY($1) AND version = 1"
                + " AND stream_type = $2").execute(Tuple.of(codes.toArray(String[]::new), STREAM_TYPE))
                .map(rows -> {
                    Set<String> missing = new LinkedHashSet<>(codes);
                    for (Row row : rows) {
                        missing.remove(row.getString("stream_id"));
                    }
                    return missing;
                });
    }

    /** Every jurisdiction of the store with its latest name and version. */
    public Uni<Map<String, Current>> current() {
        return store.pool().preparedQuery("SELECT DISTINCT ON (stream_id) stream_id, version,"
                + " payload->>'name' AS name FROM events WHERE stream_type = $1 ORDER BY stream_id, version DESC")
                .execute(Tuple.of(STREAM_TYPE)).map(rows -> {
                    Map<String, Current> current = new HashMap<>();
                    for (Row row : rows) {
                        current.put(row.getString("stream_id"), new Current(row.getString("stream_id"),
                                row.getString("name"), row.getInteger("version")));
                    }
                    return current;
                });
    }

    /**
     * Registers those of {@code registrations} the store does not hold yet, {@link #BATCH} per transaction.
     * Each transaction takes an advisory lock and only then looks which of its codes exist, so replicas
     * seeding at once register each jurisdiction once; the new streams are appended with
     * {@link ExpectedVersion#NO_STREAM}, which would refuse a duplicate anyway. Returns how many it registered.
     */
    public Uni<Integer> registerMissing(List<Jurisdiction.Register> registrations, EventMetadata metadata) {
        List<List<Jurisdiction.Register>> batches = new ArrayList<>();
        for (int i = 0; i < registrations.size(); i += BATCH) {
            batches.add(registrations.subList(i, Math.min(registrations.size(), i + BATCH)));
        }
        return Multi.createFrom().iterable(batches)
                .onItem().transformToUniAndConcatenate(batch -> store.pool().withTransaction(conn -> conn
                        .query(LOCK).execute()
                        .flatMap(locked -> existing(conn, batch))
                        .flatMap(existing -> {
                            List<Jurisdiction.Register> wanted = batch.stream()
                                    .filter(r -> !existing.contains(r.code())).toList();
                            return register(conn, wanted, metadata).replaceWith(wanted.size());
                        })))
                .collect().with(java.util.stream.Collectors.summingInt(Integer::intValue));
    }

    /**
     * Registers new jurisdictions in the caller's transaction (new streams may follow its other writes),
     * one after the other.
     */
    public Uni<Void> register(SqlConnection conn, List<Jurisdiction.Register> registrations, EventMetadata metadata) {
        // Runs of one level, in order, so that a parent is always appended (and so ordered) before its children;
        // within a run the appends are pipelined on the connection instead of waiting for each round trip.
        List<List<Jurisdiction.Register>> runs = new ArrayList<>();
        for (Jurisdiction.Register r : registrations) {
            if (runs.isEmpty() || runs.get(runs.size() - 1).get(0).level() != r.level()) {
                runs.add(new ArrayList<>());
            }
            runs.get(runs.size() - 1).add(r);
        }
        Jurisdiction decider = new Jurisdiction();
        return Multi.createFrom().iterable(runs)
                .onItem().transformToUniAndConcatenate(run -> Multi.createFrom().iterable(run)
                        .onItem().transformToUni(r -> {
                            List<NewEvent> events = decider.decide(r, decider.initialState()).stream()
                                    .map(codec::encode)
                                    .map(e -> NewEvent.of(e.type(), e.typeVersion(), e.payload(), metadata))
                                    .toList();
                            return store.append(conn, r.code(), STREAM_TYPE, r.code(), ExpectedVersion.NO_STREAM,
                                    events);
                        }).merge(PIPELINE)
                        .onItem().ignoreAsUni())
                .onItem().ignoreAsUni();
    }

    /** Renames one jurisdiction in a transaction of its own, at the version it was read at. */
    public Uni<AggregateRepository.Loaded<Jurisdiction.State>> rename(String code, int expectedVersion, String name,
            String source, EventMetadata metadata) {
        return repository.handle(code, code, expectedVersion, new Jurisdiction.Rename(name, source), metadata);
    }

    /**
     * Brings the tree up to a (checked) division table: renames changed names, each in a transaction of its
     * own (an append to an existing stream must be its transaction's first write), then registers the new
     * codes in {@code conn}, the caller's transaction. Codes of the tree the table lacks are reported, never
     * removed. Running it again with the same table changes nothing.
     */
    /** Importing {@code table} on the command path. */
    public CommandPath.Handler<ImportReport> importing(DivisionTable table, String source) {
        return (conn, context) -> importTable(conn, table, source, context.metadata());
    }

    public Uni<ImportReport> importTable(SqlConnection conn, DivisionTable table, String source,
            EventMetadata metadata) {
        return current().flatMap(current -> {
            List<Jurisdiction.Register> wanted = registrations(table, source);
            List<Jurisdiction.Register> fresh = new ArrayList<>();
            List<Jurisdiction.Register> renamed = new ArrayList<>();
            Set<String> inTable = new HashSet<>();
            int unchanged = 0;
            for (Jurisdiction.Register r : wanted) {
                inTable.add(r.code());
                Current now = current.get(r.code());
                if (now == null) {
                    fresh.add(r);
                } else if (!now.name().equals(r.name().strip()) && !r.code().equals(Jurisdictions.CENTRE)) {
                    renamed.add(r);
                } else {
                    unchanged++;
                }
            }
            List<String> absent = current.keySet().stream().filter(code -> !inTable.contains(code)).sorted().toList();
            int same = unchanged;
            return Multi.createFrom().iterable(renamed)
                    .onItem().transformToUniAndConcatenate(r -> rename(r.code(), current.get(r.code()).version(),
                            r.name(), source, metadata))
                    .collect().asList()
                    .flatMap(done -> conn.query(LOCK).execute())
                    .flatMap(locked -> register(conn, fresh, metadata))
                    .map(done -> new ImportReport(source, fresh.size(), renamed.size(), same, absent));
        });
    }

    private Uni<Set<String>> existing(SqlConnection conn, List<Jurisdiction.Register> batch) {
        return conn.preparedQuery("SELECT stream_id FROM events WHERE stream_id = ANY($1) AND version = 1")
                .execute(Tuple.of(batch.stream().map(Jurisdiction.Register::code).toArray(String[]::new)))
                .map(rows -> {
                    Set<String> found = new HashSet<>();
                    rows.forEach(row -> found.add(row.getString("stream_id")));
                    return found;
                });
    }
}
