package io.xunshi.kernel.consumer;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import io.vertx.core.VertxException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;

/**
 * Tells a failure of the infrastructure — the database or the broker unreachable, a connection closed under
 * a query, a pool closed or exhausted, a timeout, a deadlock or serialization failure — from a failure of the
 * record itself. The first kind passes once the infrastructure is back, so a consumer waits and retries it
 * however long it lasts; only the second kind may end on the dead-letter topic.
 */
public final class TransientFailures {

    /** PostgreSQL SQLSTATE classes that say nothing about the statement: connection (08), resources (53), system (58). */
    private static final Set<String> TRANSIENT_CLASSES = Set.of("08", "53", "58");
    /**
     * Single SQLSTATEs of the same kind: admin or crash shutdown and "cannot connect now" (57P01–57P03), a
     * cancelled statement (57014, e.g. a statement timeout), serialization failure (40001), deadlock (40P01),
     * lock not available (55P03).
     */
    private static final Set<String> TRANSIENT_STATES = Set.of("57P01", "57P02", "57P03", "57014", "40001", "40P01",
            "55P03");

    private TransientFailures() {
    }

    /** True when {@code failure}, or anything in its cause chain, is a failure of the infrastructure. */
    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof Undeliverable) {
                return false;
            }
            if (isTransientItself(t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTransientItself(Throwable t) {
        if (t instanceof PgException pg) {
            String state = pg.getSqlState();
            return state != null && (TRANSIENT_STATES.contains(state)
                    || (state.length() == 5 && TRANSIENT_CLASSES.contains(state.substring(0, 2))));
        }
        if (t instanceof IOException || t instanceof TimeoutException || t instanceof ClosedConnectionException
                || t instanceof io.smallrye.mutiny.TimeoutException
                || t instanceof org.apache.kafka.common.errors.RetriableException) {
            return true;
        }
        if (t instanceof IllegalStateException) {
            // What the SQL client's pool throws once it is closed (a service stopping or restarting its pool).
            return t.getMessage() != null && t.getMessage().startsWith("Pool closed");
        }
        if (t instanceof VertxException) {
            // The Vert.x clients say "Connection is closed", "Timeout", "Connection pool reached max wait queue
            // size" with no type of their own.
            String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            return message.contains("closed") || message.contains("timeout") || message.contains("timed out")
                    || message.contains("pool reached") || message.contains("connection refused");
        }
        return false;
    }
}
