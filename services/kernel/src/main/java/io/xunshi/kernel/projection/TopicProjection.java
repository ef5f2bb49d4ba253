package io.xunshi.kernel.projection;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.xunshi.kernel.consumer.IncomingEvent;

/**
 * A read model of another service's events, fed from that service's topic by the
 * {@link TopicProjectionRunner}. A CDI bean implementing it is picked up by the runner.
 *
 * <p>The runner skips records it has already applied (by offset), but the sending service's relay
 * delivers at least once, so the same event may appear at two offsets: {@link #apply} must be idempotent
 * per event (e.g. keyed by the event id, or by subject and the {@code aggregateversion} extension). Its
 * rows must be a function of the records alone, so that re-reading the topic from the beginning rebuilds
 * exactly the same rows.
 */
public interface TopicProjection {

    /** Stable name: it keys the projection's offsets, its consumer group and its metrics. */
    String name();

    /** The topic it reads, e.g. {@code xunshi.inspection.events}. */
    String topic();

    /** The logical event types it reads (e.g. {@code xunshi.inspection.FindingRecorded}); others are skipped. */
    Set<String> eventTypes();

    /**
     * Why an event of one of its types cannot be applied — a field it needs is missing or unreadable — or
     * empty when it can. Such an event never reaches {@link #apply}: the runner passes over it the same way
     * live and in a rebuild, logs it, and counts it in {@code xunshi.projection.skipped} with reason
     * {@code unusable}, as it does records it cannot decode. Waiting would not help: the event is on the log as
     * it is. {@link IncomingEvent#missingText} covers the usual check.
     */
    default Optional<String> unusable(IncomingEvent event) {
        return Optional.empty();
    }

    /** Applies one event, in the runner's transaction, which also moves the partition offsets. */
    Uni<Void> apply(SqlConnection conn, IncomingEvent event);

    /**
     * Applies a poll's wanted events in order; by default one {@link #apply} after the other. Override it
     * with one {@code executeBatch} per statement when the writes allow, for the reason given at
     * {@link Projection#applyAll}.
     */
    default Uni<Void> applyAll(SqlConnection conn, List<IncomingEvent> events) {
        return Multi.createFrom().iterable(events)
                .onItem().transformToUniAndConcatenate(event -> apply(conn, event))
                .onItem().ignoreAsUni();
    }

    /**
     * Empties the projection's tables with {@code DELETE} (see {@link Projection#reset}), in the rebuild's
     * transaction.
     */
    Uni<Void> reset(SqlConnection conn);
}
