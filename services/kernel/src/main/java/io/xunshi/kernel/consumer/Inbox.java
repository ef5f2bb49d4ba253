package io.xunshi.kernel.consumer;

import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;

/**
 * Makes an effect happen at most once per (consumer, event source, event id), although Kafka delivers at least
 * once. The event id is the CloudEvents {@code ce_id}, any non-empty string (a text column since kernel migration
 * V6). CloudEvents makes an id unique within its source: on the platform's own topics the source is fixed (the
 * owner's relay, checked), so the source is left empty there; on a partner's topic, where several systems of the
 * partner may publish with their own ids, it is the {@code ce_source} (kernel migration V9).
 *
 * <p>The order inside the transaction is dictated by the event store, where an append must be the first
 * write of its transaction: the inbox is first <em>read</em> (a read assigns no transaction id), then the
 * effect runs (and may append), and only then is the inbox row inserted. Two deliveries racing each other
 * both pass the read; the second insert then waits for the first transaction and fails on the inbox's
 * primary key once it commits, which rolls the second effect back entirely and is reported as a duplicate.
 */
@ApplicationScoped
public class Inbox {

    /** The source of events whose topic has one source only: the platform's own topics. */
    public static final String ONE_SOURCE = "";

    private static final String SEEN = "SELECT 1 FROM inbox WHERE consumer = $1 AND source = $2 AND event_id = $3";
    private static final String RECORD = "INSERT INTO inbox (consumer, source, event_id) VALUES ($1, $2, $3)";

    private final Pool pool;

    @Inject
    public Inbox(Pool pool) {
        this.pool = pool;
    }

    /**
     * Runs {@code effect} and records the event in one transaction, unless the event was handled before; for
     * events of a topic with one source.
     */
    public <T> Uni<Handled<T>> handleOnce(String consumer, String eventId, Function<SqlConnection, Uni<T>> effect) {
        return handleOnce(consumer, ONE_SOURCE, eventId, effect);
    }

    /**
     * Runs {@code effect} and records the event, known by its source and id, in one transaction, unless it was
     * handled before.
     */
    public <T> Uni<Handled<T>> handleOnce(String consumer, String source, String eventId,
            Function<SqlConnection, Uni<T>> effect) {
        Tuple key = Tuple.of(consumer, source, eventId);
        return pool.withTransaction(conn -> conn.preparedQuery(SEEN).execute(key).flatMap(seen -> {
            if (seen.size() > 0) {
                return Uni.createFrom().item(Handled.<T>alreadyHandled());
            }
            return effect.apply(conn).flatMap(value -> conn.preparedQuery(RECORD).execute(key)
                    .replaceWith(Handled.processed(value)));
        })).onFailure(Inbox::isRecordedConcurrently).recoverWithItem(Handled.alreadyHandled());
    }

    private static boolean isRecordedConcurrently(Throwable failure) {
        return failure instanceof PgException pg && "23505".equals(pg.getSqlState())
                && "inbox_pkey".equals(pg.getConstraint());
    }
}
