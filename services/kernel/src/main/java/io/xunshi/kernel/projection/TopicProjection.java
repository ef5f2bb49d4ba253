package io.xunshi.kernel.projection;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.xunshi.contracts.EventCatalog;
import io.xunshi.kernel.consumer.Delivered;

/**
 * A read model of another service's events, fed from that service's topic by the
 * {@link TopicProjectionRunner}. A CDI bean implementing it is picked up by the runner.
 *
 * <p>The runner skips records it has already applied (by offset), but the sending service's relay
 * delivers at least once, so the same event may appear at two offsets: {@link #apply} must be idempotent
 * per event (e.g. keyed by the event id, or by subject and the {@code aggregateversion} extension). Its
 * rows must be a function of the records alone, so that re-reading the topic from the beginning rebuilds
 * exactly the same rows.
 *
 * <p>It names the contract records it reads ({@link #events}), all published by one service; the runner
 * reads that service's topic, upcasts each wanted event to its current version and decodes it into its record
 * once, and hands it over as a {@link Delivered}. Other types of the topic are passed over.
 */
public interface TopicProjection {

    /** Stable name: it keys the projection's offsets, its consumer group and its metrics. */
    String name();

    /** The contract records it reads, all published by one service, e.g. {@code FeedbackGiven.class}. */
    Set<Class<? extends Record>> events();

    /** The topic it reads: that of the service that publishes its {@link #events}, from the catalog. */
    default String topic() {
        return EventCatalog.topicOf(EventCatalog.Entry.declaredBy(events().iterator().next()).service());
    }

    /**
     * Why a decoded event cannot be applied — a field it needs is missing or unusable — or empty when it can.
     * Such an event never reaches {@link #apply}: the runner passes over it the same way live and in a rebuild,
     * logs it, and counts it in {@code xunshi.projection.skipped} with reason {@code unusable}, as it does an
     * event of its types whose payload does not decode into the record; the live feed also dead-letters it.
     * Waiting would not help: the event is on the log as it is.
     */
    default Optional<String> unusable(Delivered<?> event) {
        return Optional.empty();
    }

    /** Applies one event, in the runner's transaction, which also moves the partition offsets. */
    Uni<Void> apply(SqlConnection conn, Delivered<?> event);

    /**
     * Applies a poll's wanted events in order; by default one {@link #apply} after the other. Override it
     * with one {@code executeBatch} per statement when the writes allow, for the reason given at
     * {@link Projection#applyAll}.
     */
    default Uni<Void> applyAll(SqlConnection conn, List<Delivered<?>> events) {
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
