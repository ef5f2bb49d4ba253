package io.xunshi.benchmarks;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.xunshi.kernel.eventstore.GlobalPosition;
import io.xunshi.kernel.outbox.OutboxRelay;

/**
 * Starts and stops the service's {@link OutboxRelay} (configured with {@code xunshi.outbox.enabled=false},
 * so it does not start by itself) and watches its checkpoint — row {@code outbox-relay} of the
 * {@code checkpoints} table, see docs/events.md — catch up with the last event in the store.
 */
@ApplicationScoped
public class RelayControl {

    private static final Duration POLL = Duration.ofMillis(5);

    private final OutboxRelay relay;
    private final Pool pool;

    @Inject
    public RelayControl(OutboxRelay relay, Pool pool) {
        this.relay = relay;
        this.pool = pool;
    }

    /** The last event in the store's global order, or {@link GlobalPosition#START} if there is none. */
    GlobalPosition lastEvent() {
        return position("SELECT tx_id::text AS tx, global_position AS position FROM events"
                + " ORDER BY tx_id DESC, global_position DESC LIMIT 1");
    }

    GlobalPosition checkpoint() {
        return position("SELECT tx_id::text AS tx, position FROM checkpoints WHERE name = 'outbox-relay'");
    }

    /**
     * Starts the relay and returns how long it took, from the start, for its checkpoint to reach
     * {@code target}; the relay keeps running.
     */
    Duration startAndAwait(GlobalPosition target, Duration timeout) throws InterruptedException {
        long start = System.nanoTime();
        relay.start();
        long deadline = start + timeout.toNanos();
        while (checkpoint().compareTo(target) < 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the relay did not reach " + target + " within " + timeout
                        + "; its checkpoint is at " + checkpoint());
            }
            Thread.sleep(POLL.toMillis());
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** Starts the relay, unless it runs, and waits until it has published every event in the store. */
    void catchUp(Duration timeout) throws InterruptedException {
        startAndAwait(lastEvent(), timeout);
    }

    void stop() {
        relay.stop();
    }

    private GlobalPosition position(String sql) {
        RowSet<Row> rows = pool.query(sql).execute().await().indefinitely();
        if (rows.size() == 0) {
            return GlobalPosition.START;
        }
        Row row = rows.iterator().next();
        return new GlobalPosition(Long.parseUnsignedLong(row.getString("tx")), row.getLong("position"));
    }
}
