package io.xunshi.kernel.projection;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.xunshi.kernel.eventstore.StoredEvent;

/** A read model that can be told to fail on one event, to show what a failed batch leaves behind. */
@ApplicationScoped
public class FlakyProjection implements Projection {

    public static final String NAME = "kernel-test-flaky";
    public static final String HAPPENED = Happened.TYPE;

    /** The event it reads: nothing but that it happened. */
    public record Happened() {

        public static final String TYPE = "xunshi.test.FlakyHappened";
        public static final int VERSION = 1;
    }

    private final AtomicReference<UUID> failOn = new AtomicReference<>();
    private final CopyOnWriteArrayList<UUID> attempted = new CopyOnWriteArrayList<>();

    public void failOn(UUID eventId) {
        failOn.set(eventId);
    }

    /** The ids of the events it was asked to apply, once per attempt. */
    public List<UUID> attemptedIds() {
        return List.copyOf(attempted);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<Class<? extends Record>> events() {
        return Set.of(Happened.class);
    }

    @Override
    public Uni<Void> apply(SqlConnection conn, Recorded<?> recorded) {
        StoredEvent event = recorded.event();
        attempted.add(event.eventId());
        if (event.eventId().equals(failOn.get())) {
            return Uni.createFrom().failure(new IllegalStateException("told to fail on " + event.eventId()));
        }
        return conn.preparedQuery("INSERT INTO test_flaky (event_id, stream_id, version) VALUES ($1, $2, $3)")
                .execute(Tuple.of(event.eventId(), event.streamId(), event.version())).replaceWithVoid();
    }

    @Override
    public Uni<Void> reset(SqlConnection conn) {
        return conn.query("DELETE FROM test_flaky").execute().replaceWithVoid();
    }
}
