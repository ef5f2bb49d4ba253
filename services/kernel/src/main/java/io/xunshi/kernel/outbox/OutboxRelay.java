package io.xunshi.kernel.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import io.xunshi.kernel.eventstore.EncodedEvent;
import io.xunshi.kernel.eventstore.EventStore;
import io.xunshi.kernel.eventstore.GlobalPosition;

/**
 * The transactional outbox relay: the only way events leave the service. It tails the event store in its
 * global order from its checkpoint ({@link EventStore#readAllEncoded}: payloads stay JSON text unless
 * upcast), publishes each batch to the service's topic, waits for Kafka to acknowledge all of it, and only
 * then moves the checkpoint on. A crash between publishing and saving the checkpoint publishes that batch
 * again, so delivery is at least once and never loses an event; records are keyed by stream id and sent in
 * global order, so each aggregate's events reach its partition in version order.
 *
 * <p>It reads only the settled part of the order: a transaction that commits late holds back the events
 * after it in the order until it ends, and is never skipped. Of a service's replicas only the one holding
 * the service's {@link RelayLease} relays; the others retry every {@code xunshi.outbox.lock-retry-interval}
 * and take over from the checkpoint when it goes.
 *
 * <p>It runs on a thread of its own, started with the application and stopped gracefully at shutdown
 * after the batch in hand is acknowledged and checkpointed.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Duration LAG_SAMPLE_INTERVAL = Duration.ofSeconds(1);
    private static final String OLDEST_UNPUBLISHED = "SELECT recorded_at FROM events"
            + " WHERE (tx_id, global_position) > ($1::text::xid8, $2) ORDER BY tx_id, global_position LIMIT 1";

    private final EventStore store;
    private final EventLogProducers producers;
    private final OutboxConfig config;
    private final RelayLeases leases;
    private final RelayMetrics metrics;

    private Thread worker;
    private CountDownLatch stopSignal;
    private volatile boolean leading;

    @Inject
    public OutboxRelay(EventStore store, EventLogProducers producers, OutboxConfig config, RelayLeases leases,
            MeterRegistry registry) {
        this.store = store;
        this.producers = producers;
        this.config = config;
        this.leases = leases;
        this.metrics = new RelayMetrics(registry, Clock.systemUTC());
    }

    void onStart(@Observes StartupEvent started) {
        if (config.enabled()) {
            start();
        } else {
            LOG.info("Outbox relay disabled (xunshi.outbox.enabled=false): this replica publishes nothing");
        }
    }

    void onStop(@Observes ShutdownEvent stopping) {
        stop();
    }

    /** Starts relaying on a thread of its own, unless it already runs. */
    public synchronized void start() {
        if (worker != null) {
            return;
        }
        CountDownLatch signal = new CountDownLatch(1);
        stopSignal = signal;
        worker = new Thread(() -> run(signal), "xunshi-outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    /** Stops after the batch in hand is acknowledged and checkpointed, and frees the lock for another replica. */
    public synchronized void stop() {
        if (worker == null) {
            return;
        }
        stopSignal.countDown();
        try {
            worker.join(TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        worker = null;
    }

    /**
     * False only when the relay was started and its thread has ended without being stopped — an error it could
     * not recover from. The service's liveness check reports it ({@link OutboxRelayHealth}), so the platform
     * restarts the service rather than leave it committing events that are never published.
     */
    public synchronized boolean isAlive() {
        return worker == null || worker.isAlive();
    }

    /** True while this replica holds the service's relay lock and publishes. */
    public boolean isLeading() {
        return leading;
    }

    private void run(CountDownLatch stop) {
        while (stop.getCount() > 0) {
            try {
                Optional<RelayLease> lease = leases.tryTake();
                if (lease.isEmpty()) {
                    metrics.caughtUp();
                    pause(stop, config.lockRetryInterval());
                    continue;
                }
                try (RelayLease held = lease.get(); EventLogProducer producer = producers.open()) {
                    leading = true;
                    LOG.infof("Outbox relay took the lock and publishes to %s", producers.topic());
                    relay(held.connection(), producer, stop);
                } finally {
                    leading = false;
                }
            } catch (RuntimeException e) {
                LOG.warnf(e, "Outbox relay failed; it starts again from its checkpoint in %s",
                        config.failureBackoff());
                pause(stop, config.failureBackoff());
            } catch (Error e) {
                // Not recoverable here: the thread ends, and the liveness check reports the relay down.
                LOG.errorf(e, "Outbox relay stopped by an error; the service's liveness check reports it down");
                return;
            }
        }
    }

    /**
     * While behind, reads batch N+1 while batch N is on its way: a full batch is handed to the producer as
     * soon as it is read, the read of the next one starts at once (on a pooled connection, so that it does not
     * queue behind the checkpoint writes on the relay's own session), and its acknowledgements are awaited —
     * and the checkpoint moved past it — only after the next batch was read and handed over. At most two
     * batches are unacknowledged; a failure of either starts again from the checkpoint, which is past acknowledged batches only (at least once, in
     * order per aggregate). Once caught up (a batch shorter than the batch size), there is nothing to
     * overlap with, and latency matters more: the batch is sent at once, without the producer's linger,
     * and confirmed before the next read.
     */
    private void relay(SqlClient connection, EventLogProducer producer, CountDownLatch stop) {
        GlobalPosition confirmed = RelayCheckpoint.load(connection);
        GlobalPosition after = confirmed;
        EventLogProducer.InFlight unconfirmed = null;
        CompletableFuture<List<EncodedEvent>> prefetched = null;
        Instant nextLagSample = Instant.MIN;
        while (stop.getCount() > 0) {
            Uni<List<EncodedEvent>> read = prefetched != null
                    ? Uni.createFrom().completionStage(prefetched)
                    : store.readAllEncoded(connection, after, config.batchSize());
            List<EncodedEvent> batch = read.await().atMost(TIMEOUT);
            prefetched = null;
            EventLogProducer.InFlight sent = null;
            if (!batch.isEmpty()) {
                metrics.behindSince(batch.get(0).recordedAt());
                sent = producer.sendEncoded(batch);
                after = sent.last();
            }
            if (batch.size() == config.batchSize()) {
                // Settled events are the same on any connection: read them while this batch goes out.
                prefetched = store.readAllEncoded(store.pool(), after, config.batchSize()).subscribeAsCompletionStage();
            }
            boolean confirmedSome = unconfirmed != null;
            if (unconfirmed != null) {
                confirm(connection, unconfirmed);
                confirmed = unconfirmed.last();
            }
            if (sent != null && batch.size() < config.batchSize()) {
                producer.flush();
                confirm(connection, sent);
                confirmed = sent.last();
                sent = null;
            }
            unconfirmed = sent;
            Instant now = Instant.now();
            if (!now.isBefore(nextLagSample)) {
                sampleLag(connection, confirmed);
                nextLagSample = now.plus(LAG_SAMPLE_INTERVAL);
            }
            if (batch.isEmpty() && !confirmedSome) {
                pause(stop, config.pollInterval());
            }
        }
        if (unconfirmed != null) {
            confirm(connection, unconfirmed);
        }
    }

    private void confirm(SqlClient connection, EventLogProducer.InFlight batch) {
        batch.awaitAcknowledged();
        metrics.published(batch.size(), batch.nanosSinceSent());
        RelayCheckpoint.save(connection, batch.last());
    }

    /** Looks up the oldest committed event after the checkpoint, settled or not: one index probe. */
    private void sampleLag(SqlClient connection, GlobalPosition after) {
        RowSet<Row> oldest = connection.preparedQuery(OLDEST_UNPUBLISHED)
                .execute(Tuple.of(Long.toUnsignedString(after.txId()), after.position())).await().atMost(TIMEOUT);
        if (oldest.size() == 0) {
            metrics.caughtUp();
        } else {
            metrics.sampled(oldest.iterator().next().getOffsetDateTime("recorded_at").toInstant());
        }
    }

    private static void pause(CountDownLatch stop, Duration interval) {
        try {
            stop.await(interval.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop.countDown();
        }
    }
}
