package io.xunshi.kernel.aggregate;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
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
 * Loads an aggregate by folding its events — from the state it last saw of the stream, when it has one in
 * memory, else from its latest snapshot, else from the beginning — lets its {@link Decider} decide on a
 * command, and appends the resulting events at the version it was loaded at, so a concurrent change in between
 * is a {@link ConcurrencyConflict}, never a lost update.
 *
 * <p>The in-memory cache ({@link StateCache}; ADR 0015) holds the folded state of recently used streams with
 * the version and the id of the last event it reflects. A load still asks the store every time — for the events
 * from that version on — and uses the cached state only if the store still holds that very event at that
 * version; so a state is never stale, whoever else appends to the stream (another replica, another repository),
 * and an entry written for an append whose transaction rolled back is found out and dropped. Only states whose
 * whole object graph is immutable are cached ({@link ImmutableStates}), so no caller can change a cached state.
 *
 * <p>Snapshots are a durable cache of the folded state taken every {@code snapshotEvery} events; they can be
 * deleted at any time (and must be when the state's shape changes), the events being the truth.
 */
public class AggregateRepository<C, E, S> {

    /** Streams whose states the default constructor keeps in memory, per repository. */
    public static final int DEFAULT_CACHED_STREAMS = 1_000;

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
    private final StateCache<S> cache;

    /** With the default in-memory cache of {@value #DEFAULT_CACHED_STREAMS} streams. */
    public AggregateRepository(EventStore store, ObjectMapper json, String streamType, Decider<C, E, S> decider,
            EventCodec<E> codec, Class<S> stateClass, int snapshotEvery) {
        this(store, json, streamType, decider, codec, stateClass, snapshotEvery, DEFAULT_CACHED_STREAMS);
    }

    /**
     * @param snapshotEvery  take a snapshot every this many events (0: never)
     * @param cachedStreams  keep the states of up to this many recently used streams in memory (0: none, every
     *                       load folds from the snapshot or the beginning)
     */
    public AggregateRepository(EventStore store, ObjectMapper json, String streamType, Decider<C, E, S> decider,
            EventCodec<E> codec, Class<S> stateClass, int snapshotEvery, int cachedStreams) {
        this.store = store;
        this.json = json;
        this.streamType = streamType;
        this.decider = decider;
        this.codec = codec;
        this.stateClass = stateClass;
        this.snapshotEvery = snapshotEvery;
        this.cache = new StateCache<>(cachedStreams);
    }

    /** The cache's counters (hits, misses, entries found stale), for tests and metrics. */
    public StateCache.Stats cacheStats() {
        return cache.stats();
    }

    public Uni<Loaded<S>> load(String streamId) {
        return load(store.pool(), streamId);
    }

    /**
     * Loads through {@code client}: the pool, or the connection of the transaction that will append (a command
     * must read through its own transaction's connection, see {@link #handle(SqlConnection, String, String, int,
     * Object, EventMetadata)}).
     */
    public Uni<Loaded<S>> load(SqlClient client, String streamId) {
        StateCache.Entry<S> cached = cache.get(streamId);
        if (cached == null) {
            return loadWithoutCache(client, streamId);
        }
        // The events from the cached version on: the first must be the very event the cached state ends with.
        return store.readStreamAfter(client, streamId, cached.version() - 1).flatMap(events -> {
            if (events.isEmpty() || events.get(0).version() != cached.version()
                    || !events.get(0).eventId().equals(cached.lastEventId())) {
                cache.stale(streamId, cached);
                return loadWithoutCache(client, streamId);
            }
            cache.hit();
            return Uni.createFrom().item(fold(streamId, cached.state(), cached.version(), cached.lastEventId(),
                    events.subList(1, events.size())));
        });
    }

    private Uni<Loaded<S>> loadWithoutCache(SqlClient client, String streamId) {
        cache.miss();
        return latestSnapshot(client, streamId).flatMap(snapshot -> store.readStreamAfter(client, streamId,
                snapshot.version())
                .map(events -> fold(streamId, snapshot.state(), snapshot.version(), null, events)));
    }

    private Loaded<S> fold(String streamId, S from, int fromVersion, UUID fromEventId, List<StoredEvent> events) {
        if (!events.isEmpty() && !streamType.equals(events.get(0).streamType())) {
            // A stream of another aggregate type under this id (ids are the service's, across its types): there is
            // no aggregate of this type here. Commands and reads answer as for an unknown id; an append finds the
            // id taken (a concurrency conflict), so nothing is ever written into the other stream.
            return new Loaded<>(decider.initialState(), 0);
        }
        S state = from;
        int version = fromVersion;
        UUID last = fromEventId;
        for (StoredEvent event : events) {
            state = decider.evolve(state, codec.decode(event));
            version = event.version();
            last = event.eventId();
        }
        if (last != null && (events.size() > 0)) {
            cache.put(streamId, state, version, last);
        }
        return new Loaded<>(state, version);
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
     *
     * <p>The stream is read through {@code conn}: a command that held its transaction's connection while it waited
     * for another one from the pool would, with as many concurrent commands as the pool has connections, wait
     * for ever.
     *
     * <p>The state after the append is cached at once, before the caller's transaction commits: if it rolls
     * back, the next load finds that the store does not hold the cached last event and folds afresh. An append
     * that fails drops the stream's entry.
     */
    public Uni<Loaded<S>> handle(SqlConnection conn, String streamId, String jurisdiction, int expectedVersion,
            C command, EventMetadata metadata) {
        return load(conn, streamId).flatMap(loaded -> {
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
            UUID lastEventId = events.get(events.size() - 1).eventId();
            return store.append(conn, streamId, streamType, jurisdiction, loaded.version(), events)
                    .onFailure().invoke(failure -> cache.remove(streamId))
                    .invoke(result -> cache.put(streamId, after.state(), result.version(), lastEventId))
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

    private Uni<Loaded<S>> latestSnapshot(SqlClient client, String streamId) {
        if (snapshotEvery <= 0) {
            return Uni.createFrom().item(new Loaded<>(decider.initialState(), 0));
        }
        return client.preparedQuery("SELECT version, state::text AS state FROM snapshots WHERE stream_id = $1")
                .execute(Tuple.of(streamId))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return new Loaded<>(decider.initialState(), 0);
                    }
                    var row = rows.iterator().next();
                    try {
                        return new Loaded<>(json.readValue(row.getString("state"), stateClass),
                                row.getInteger("version"));
                    } catch (JsonProcessingException e) {
                        // A snapshot of an older state shape: ignore it and fold from the beginning.
                        return new Loaded<>(decider.initialState(), 0);
                    }
                });
    }
}
