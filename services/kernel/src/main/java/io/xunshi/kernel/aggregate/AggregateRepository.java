package io.xunshi.kernel.aggregate;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.xunshi.kernel.domain.Decider;
import io.xunshi.kernel.eventstore.AppendResult;
import io.xunshi.kernel.eventstore.ConcurrencyConflict;
import io.xunshi.kernel.eventstore.EventMetadata;
import io.xunshi.kernel.eventstore.EventStore;
import io.xunshi.kernel.eventstore.ExpectedVersion;
import io.xunshi.kernel.eventstore.NewEvent;
import io.xunshi.kernel.eventstore.StoredEvent;

/**
 * Loads an aggregate by folding its events — from its latest snapshot on, when it has one — lets its
 * {@link Decider} decide on a command, and appends the resulting events at the version it was loaded at,
 * so a concurrent change in between is a {@link ConcurrencyConflict}, never a lost update.
 *
 * <p>Snapshots are a cache of the folded state taken every {@code snapshotEvery} events; they can be
 * deleted at any time (and must be when the state's shape changes), the events being the truth.
 */
public class AggregateRepository<C, E, S> {

    /** An aggregate's state and the stream version it reflects (0: the stream does not exist). */
    public record Loaded<S>(S state, int version) {
        public boolean exists() {
            return version > 0;
        }
    }

    private final EventStore store;
    private final ObjectMapper json;
    private final String streamType;
    private final Decider<C, E, S> decider;
    private final EventCodec<E> codec;
    private final Class<S> stateClass;
    private final int snapshotEvery;

    public AggregateRepository(EventStore store, ObjectMapper json, String streamType, Decider<C, E, S> decider,
            EventCodec<E> codec, Class<S> stateClass, int snapshotEvery) {
        this.store = store;
        this.json = json;
        this.streamType = streamType;
        this.decider = decider;
        this.codec = codec;
        this.stateClass = stateClass;
        this.snapshotEvery = snapshotEvery;
    }

    public Uni<Loaded<S>> load(String streamId) {
        return latestSnapshot(streamId).flatMap(snapshot -> store.readStreamAfter(streamId, snapshot.version())
                .map(events -> {
                    S state = snapshot.state();
                    int version = snapshot.version();
                    for (StoredEvent event : events) {
                        state = decider.evolve(state, codec.decode(event));
                        version = event.version();
                    }
                    return new Loaded<>(state, version);
                }));
    }

    /** Decides on a command in a transaction of its own; see {@link #handle(SqlConnection, String, String, int, Object, EventMetadata)}. */
    public Uni<Loaded<S>> handle(String streamId, String jurisdiction, int expectedVersion, C command,
            EventMetadata metadata) {
        return store.pool().withTransaction(conn -> handle(conn, streamId, jurisdiction, expectedVersion, command,
                metadata));
    }

    /**
     * Loads the aggregate, checks the version the caller expects (or {@link ExpectedVersion#ANY}), decides,
     * and appends within the caller's transaction; returns the state and version after the command. A
     * command that decides no events appends nothing and returns the current state.
     */
    public Uni<Loaded<S>> handle(SqlConnection conn, String streamId, String jurisdiction, int expectedVersion,
            C command, EventMetadata metadata) {
        return load(streamId).flatMap(loaded -> {
            if (expectedVersion != ExpectedVersion.ANY && loaded.version() != expectedVersion) {
                return Uni.createFrom().failure(new ConcurrencyConflict(streamId, expectedVersion, loaded.version()));
            }
            return decide(conn, streamId, jurisdiction, loaded, command, metadata);
        });
    }

    /**
     * Decides on a command against an aggregate the caller has already loaded (and checked), and appends
     * what it decides at the version it was loaded at, within the caller's transaction: a change appended in
     * between is a {@link ConcurrencyConflict}.
     */
    public Uni<Loaded<S>> decide(SqlConnection conn, String streamId, String jurisdiction, Loaded<S> loaded,
            C command, EventMetadata metadata) {
        {
            List<E> decided = decider.decide(command, loaded.state());
            if (decided.isEmpty()) {
                return Uni.createFrom().item(loaded);
            }
            List<NewEvent> events = new ArrayList<>(decided.size());
            for (E event : decided) {
                EventCodec.Encoded encoded = codec.encode(event);
                events.add(NewEvent.of(encoded.type(), encoded.typeVersion(), encoded.payload(), metadata));
            }
            S state = loaded.state();
            for (E event : decided) {
                state = decider.evolve(state, event);
            }
            Loaded<S> after = new Loaded<>(state, loaded.version() + decided.size());
            return store.append(conn, streamId, streamType, jurisdiction, loaded.version(), events)
                    .call(result -> snapshotIfDue(conn, loaded.version(), after, result))
                    .replaceWith(after);
        }
    }

    private Uni<Void> snapshotIfDue(SqlConnection conn, int before, Loaded<S> after, AppendResult result) {
        if (snapshotEvery <= 0 || after.version() / snapshotEvery == before / snapshotEvery) {
            return Uni.createFrom().voidItem();
        }
        S state = after.state();
        return conn.preparedQuery("INSERT INTO snapshots (stream_id, version, state) VALUES ($1, $2, $3::text::jsonb)"
                + " ON CONFLICT (stream_id) DO UPDATE SET version = EXCLUDED.version, state = EXCLUDED.state,"
                + " taken_at = clock_timestamp()")
                .execute(Tuple.of(result.streamId(), result.version(), json.valueToTree(state).toString()))
                .replaceWithVoid();
    }

    private Uni<Loaded<S>> latestSnapshot(String streamId) {
        if (snapshotEvery <= 0) {
            return Uni.createFrom().item(new Loaded<>(decider.initialState(), 0));
        }
        return store.pool().preparedQuery("SELECT version, state::text AS state FROM snapshots WHERE stream_id = $1")
                .execute(Tuple.of(streamId))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return new Loaded<>(decider.initialState(), 0);
                    }
                    var row = rows.iterator().next();
                    try {
                        return new Loaded<>(json.readValue(row.getString("state"), stateClass), row.getInteger("version"));
                    } catch (JsonProcessingException e) {
                        // A snapshot of an older state shape: ignore it and fold from the beginning.
                        return new Loaded<>(decider.initialState(), 0);
                    }
                });
    }
}
