package io.xunshi.kernel.projection;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.xunshi.contracts.EventCatalog;
import io.xunshi.kernel.eventstore.EventStore;
import io.xunshi.kernel.eventstore.GlobalPosition;
import io.xunshi.kernel.eventstore.StoredEvent;

/**
 * Keeps every {@link Projection} of the service up to date by tailing {@link EventStore#readAll} from
 * the projection's checkpoint, and rebuilds one on demand.
 *
 * <p>Each batch (up to {@code xunshi.projection.batch-size} events, 500 by default) is one transaction:
 * the projection's writes and its new checkpoint commit together, so a failure anywhere in the batch
 * leaves both where they were and the batch is tried again on the next poll. A projection that keeps
 * failing stops there, and its {@code xunshi.projection.lag} gauge grows. A transaction-scoped advisory
 * lock per projection keeps replicas of the service, and a rebuild, from applying the same events twice.
 *
 * <p>A rebuild resets and replays the projection in one transaction (docs/adr/0004-projection-rebuild.md):
 * readers go on seeing the old rows until it commits. It reads pages of
 * {@code xunshi.projection.rebuild-batch-size} events (2,000 by default), reading the next page on a
 * second connection while the projection applies the current one.
 */
@ApplicationScoped
public class ProjectionRunner {

    private static final Logger LOG = Logger.getLogger(ProjectionRunner.class);
    private static final String TRY_LOCK = "SELECT pg_try_advisory_xact_lock(hashtext('xunshi.projection'),"
            + " hashtext($1)) AS locked";
    private static final String LOCK = "SELECT pg_advisory_xact_lock(hashtext('xunshi.projection'), hashtext($1))";

    private final EventStore store;
    private final Pool pool;
    private final Map<String, Tracked> projections = new LinkedHashMap<>();
    private final int batchSize;
    private final int rebuildBatchSize;
    private final Duration pollInterval;
    private final boolean enabled;
    private Cancellable polling;

    @Inject
    public ProjectionRunner(EventStore store, ObjectMapper json, Instance<Projection> projections,
            MeterRegistry metrics,
            @ConfigProperty(name = "xunshi.projection.batch-size", defaultValue = "500") int batchSize,
            @ConfigProperty(name = "xunshi.projection.rebuild-batch-size", defaultValue = "2000") int rebuildBatchSize,
            @ConfigProperty(name = "xunshi.projection.poll-interval", defaultValue = "500ms") Duration pollInterval,
            @ConfigProperty(name = "xunshi.projection.enabled", defaultValue = "true") boolean enabled) {
        this.store = store;
        this.pool = store.pool();
        this.batchSize = batchSize;
        this.rebuildBatchSize = rebuildBatchSize;
        this.pollInterval = pollInterval;
        this.enabled = enabled;
        for (Projection projection : projections) {
            Tracked tracked = new Tracked(projection, json);
            if (this.projections.putIfAbsent(projection.name(), tracked) != null) {
                throw new IllegalStateException("two projections are named " + projection.name());
            }
            Gauge.builder("xunshi.projection.lag", tracked.lag, AtomicLong::get)
                    .description("Stored events the projection has not applied yet")
                    .tag("projection", projection.name()).register(metrics);
            Gauge.builder("xunshi.projection.position", tracked.position, AtomicLong::get)
                    .description("Global position of the last event the projection has applied")
                    .tag("projection", projection.name()).register(metrics);
        }
    }

    void start(@Observes StartupEvent started) {
        if (!enabled || projections.isEmpty()) {
            return;
        }
        polling = Multi.createFrom().ticks().every(pollInterval)
                .onOverflow().drop()
                .onItem().transformToUniAndConcatenate(tick -> catchUpAll())
                .subscribe().with(done -> {
                }, failure -> LOG.error("projection polling stopped", failure));
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (polling != null) {
            polling.cancel();
        }
    }

    private Uni<Void> catchUpAll() {
        return Multi.createFrom().iterable(projections.values())
                .onItem().transformToUniAndConcatenate(tracked -> catchUp(tracked).replaceWithVoid()
                        .onFailure().invoke(failure -> LOG.warnf(failure, "projection %s is stuck after position %d",
                                tracked.projection.name(), tracked.position.get()))
                        .onFailure().recoverWithNull()
                        .call(() -> measure(tracked))
                        .onFailure().invoke(failure -> LOG.warnf(failure, "could not measure projection %s",
                                tracked.projection.name()))
                        .onFailure().recoverWithNull())
                .onItem().ignoreAsUni();
    }

    /** The names of the projections of the own store, in definition order. */
    public java.util.Set<String> names() {
        return java.util.Collections.unmodifiableSet(projections.keySet());
    }

    /** Stored events the projection had not applied when last measured. */
    public long lag(String name) {
        return tracked(name).lag.get();
    }

    /** Applies every settled event after the projection's checkpoint; the number of events read. */
    public Uni<Long> catchUp(String name) {
        Tracked tracked = tracked(name);
        return catchUp(tracked).call(() -> measure(tracked));
    }

    private Uni<Long> catchUp(Tracked tracked) {
        return batch(tracked).flatMap(read -> read < batchSize
                ? Uni.createFrom().item((long) read)
                : catchUp(tracked).map(more -> more + read));
    }

    private Uni<Integer> batch(Tracked tracked) {
        String name = tracked.projection.name();
        return pool.withTransaction(conn -> conn.preparedQuery(TRY_LOCK).execute(Tuple.of(name)).flatMap(lock -> {
            if (!lock.iterator().next().getBoolean("locked")) {
                return Uni.createFrom().item(0);
            }
            return Checkpoints.read(conn, name).flatMap(after -> store.readAll(conn, after, batchSize))
                    .flatMap(events -> events.isEmpty()
                            ? Uni.createFrom().item(0)
                            : applyAll(conn, tracked.projection, events)
                                    .call(() -> Checkpoints.save(conn, name, last(events)))
                                    .replaceWith(events.size()));
        }));
    }

    /**
     * Empties the projection and applies every settled event again, in one transaction, while the live
     * projection keeps serving its old rows; live batches of this projection wait until it commits.
     */
    public Uni<RebuildReport> rebuild(String name) {
        Tracked tracked = tracked(name);
        return Uni.createFrom().item(System::nanoTime).flatMap(started -> pool.withTransaction(conn -> conn
                .preparedQuery(LOCK).execute(Tuple.of(name))
                .call(() -> tracked.projection.reset(conn))
                .flatMap(locked -> replay(conn, tracked.projection, GlobalPosition.START, 0L)))
                .map(events -> new RebuildReport(name, events, Duration.ofNanos(System.nanoTime() - started))))
                .call(() -> measure(tracked))
                .invoke(report -> LOG.infof("rebuilt projection %s from the store: %d events in %d ms (%.0f events/s)",
                        name, report.events(), report.took().toMillis(), report.eventsPerSecond()));
    }

    /**
     * Replays from {@code after}: each page is applied on the rebuild's connection while the next one is
     * read on another connection of the pool, so that two PostgreSQL backends work at once — one reading
     * the events, one writing the projection — and the client decodes one page while the other is written.
     * Reading outside the rebuild's transaction is safe: {@link EventStore#readAll} returns only settled
     * events, which no transaction can add to or change, and its horizon is held below the rebuild's own
     * transaction id as long as the rebuild runs.
     */
    private Uni<Long> replay(SqlConnection conn, Projection projection, GlobalPosition after, long applied) {
        return store.readAll(after, rebuildBatchSize)
                .flatMap(first -> replayPage(conn, projection, after, first, applied));
    }

    private Uni<Long> replayPage(SqlConnection conn, Projection projection, GlobalPosition after,
            List<StoredEvent> events, long applied) {
        if (events.isEmpty()) {
            return Checkpoints.save(conn, projection.name(), after).replaceWith(applied);
        }
        GlobalPosition last = last(events);
        Uni<List<StoredEvent>> next = store.readAll(last, rebuildBatchSize);
        return Uni.combine().all().unis(applyAll(conn, projection, events), next)
                .with((done, page) -> page)
                .flatMap(page -> replayPage(conn, projection, last, page, applied + events.size()));
    }

    private Uni<Void> applyAll(SqlConnection conn, Projection projection, List<StoredEvent> events) {
        Map<String, Reader> reads = tracked(projection.name()).reads;
        List<Recorded<?>> wanted = new ArrayList<>();
        try {
            for (StoredEvent event : events) {
                Reader reader = reads.get(event.type());
                if (reader != null) {
                    wanted.add(new Recorded<>(event, decode(event, reader)));
                }
            }
        } catch (IllegalStateException undecodable) {
            // The service's own events, upcast by the store: one that does not decode is a defect, not data to skip.
            return Uni.createFrom().failure(undecodable);
        }
        return wanted.isEmpty() ? Uni.createFrom().voidItem() : projection.applyAll(conn, wanted);
    }

    private static Object decode(StoredEvent event, Reader reader) {
        EventCatalog.Entry entry = reader.entry();
        if (event.typeVersion() != entry.version()) {
            throw new IllegalStateException(event.type() + " v" + event.typeVersion() + " at " + event.streamId() + "/"
                    + event.version() + " has no upcaster to v" + entry.version());
        }
        try {
            return reader.reader().readValue(event.payload());
        } catch (IOException e) {
            throw new IllegalStateException(event.type() + " at " + event.streamId() + "/" + event.version()
                    + " does not decode into " + entry.record().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    private Uni<Void> measure(Tracked tracked) {
        return Checkpoints.progress(pool, tracked.projection.name()).invoke(progress -> {
            tracked.position.set(progress.position());
            tracked.lag.set(progress.behind());
        }).replaceWithVoid();
    }

    private Tracked tracked(String name) {
        Tracked tracked = projections.get(name);
        if (tracked == null) {
            throw new IllegalArgumentException("no projection is named " + name);
        }
        return tracked;
    }

    private static GlobalPosition last(List<StoredEvent> events) {
        return events.get(events.size() - 1).position();
    }

    /** A projection with the figures its gauges show. */
    private static final class Tracked {

        final Projection projection;
        /** The logical types it reads, each with the reader of the record it is decoded into. */
        final Map<String, Reader> reads = new HashMap<>();
        final AtomicLong position = new AtomicLong();
        final AtomicLong lag = new AtomicLong();

        Tracked(Projection projection, ObjectMapper json) {
            this.projection = projection;
            for (Class<? extends Record> record : projection.events()) {
                EventCatalog.Entry entry = EventCatalog.Entry.declaredBy(record);
                // As every reader of events: properties it does not know are ignored (docs/contracts.md).
                reads.put(entry.type(), new Reader(entry,
                        json.readerFor(record).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)));
            }
        }
    }

    private record Reader(EventCatalog.Entry entry, ObjectReader reader) {
    }
}
