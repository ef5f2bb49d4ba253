package io.xunshi.kernel.outbox;

import java.time.Duration;
import java.util.Optional;

import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgConnection;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.pgclient.PgConnectOptions;

/**
 * The right to relay one service's events: a PostgreSQL session-level advisory lock, held on a
 * connection of its own for as long as the relay runs.
 *
 * <p>Only one replica of a service may publish at a time, or two relays would interleave the same
 * events and break the order per aggregate. The lock is keyed by the service's schema, so the services
 * sharing one database do not exclude each other. It lives and dies with the session: the connection is
 * opened outside the application's pool (closing a pooled connection would only return it, lock and
 * all), and when the relaying replica dies or loses its connection, PostgreSQL ends the session, the lock
 * is freed, and a waiting replica takes over from the checkpoint.
 */
final class RelayLease implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String TRY_LOCK = "SELECT pg_try_advisory_lock(hashtextextended('xunshi.outbox-relay:'"
            + " || current_schema(), 0)) AS taken";

    private final PgConnection connection;

    private RelayLease(PgConnection connection) {
        this.connection = connection;
    }

    /** Opens a session and takes the lock, or closes the session again and returns nothing if it is held. */
    static Optional<RelayLease> tryTake(Vertx vertx, PgConnectOptions options) {
        PgConnection connection = PgConnection.connect(vertx, options).await().atMost(TIMEOUT);
        try {
            boolean taken = connection.query(TRY_LOCK).execute().await().atMost(TIMEOUT)
                    .iterator().next().getBoolean("taken");
            if (taken) {
                return Optional.of(new RelayLease(connection));
            }
        } catch (RuntimeException e) {
            connection.closeAndAwait();
            throw e;
        }
        connection.closeAndAwait();
        return Optional.empty();
    }

    /** The session that holds the lock; the relay reads and saves its checkpoint through it. */
    SqlConnection connection() {
        return connection;
    }

    /** Ends the session, which frees the lock. */
    @Override
    public void close() {
        connection.close().await().atMost(TIMEOUT);
    }
}
