package io.xunshi.kernel.projection;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import io.vertx.mutiny.sqlclient.Pool;

/** Counts a table's rows over and over on a thread of its own, as the service's readers would, until closed. */
final class ConcurrentReads implements AutoCloseable {

    private final AtomicBoolean reading = new AtomicBoolean(true);
    private final List<Long> counts = new CopyOnWriteArrayList<>();
    private final Thread thread;

    ConcurrentReads(Pool pool, String table) {
        thread = new Thread(() -> {
            while (reading.get()) {
                counts.add(pool.query("SELECT count(*) AS n FROM " + table).executeAndAwait().iterator().next()
                        .getLong("n"));
            }
        }, "concurrent-reads-" + table);
        thread.start();
    }

    /** Every count read so far. */
    List<Long> counts() {
        return counts;
    }

    @Override
    public void close() throws InterruptedException {
        reading.set(false);
        thread.join();
    }
}
