package io.xunshi.kernel.projection;

import java.util.List;
import java.util.Set;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * A read model kept up to date from the service's own event store by the {@link ProjectionRunner}. A CDI
 * bean implementing it is picked up by the runner.
 *
 * <p>Its rows must be a function of the events alone (no clock, no random ids, no reads of other
 * mutable state), so that a rebuild produces exactly the rows the live projection holds.
 */
public interface Projection {

    /** Stable name: it keys the projection's checkpoint and its metrics. */
    String name();

    /**
     * The contract records it reads, e.g. {@code FindingRecorded.class}; the runner decodes each stored event of
     * their types into its record once and hands it over as a {@link Recorded}, and skips the other types.
     */
    Set<Class<? extends Record>> events();

    /** Applies one event, in the runner's transaction, which also moves the checkpoint. */
    Uni<Void> apply(SqlConnection conn, Recorded<?> event);

    /**
     * Applies a batch of wanted events in order; by default one {@link #apply} after the other, each
     * waiting for the previous one's round trip. PostgreSQL is the bottleneck of catching up and
     * rebuilding, and round trips and per-statement work are most of its work: a projection whose writes
     * do not depend on reading its own earlier writes should override this with one statement per batch —
     * {@code executeBatch}, which sends the batch in one round trip but still executes a statement per row,
     * or, cheaper still for PostgreSQL, one {@code INSERT … SELECT FROM unnest($1::uuid[], $2::text[], …)}
     * with an array parameter per column (the benchmark module's {@code FindingsProjection}).
     */
    default Uni<Void> applyAll(SqlConnection conn, List<Recorded<?>> events) {
        return Multi.createFrom().iterable(events)
                .onItem().transformToUniAndConcatenate(event -> apply(conn, event))
                .onItem().ignoreAsUni();
    }

    /**
     * Empties the projection's tables, at the start of a rebuild, in the rebuild's transaction. Use
     * {@code DELETE}, not {@code TRUNCATE}: a truncated table is locked against readers until the rebuild
     * commits, whereas deleted rows stay visible to them.
     */
    Uni<Void> reset(SqlConnection conn);
}
