package io.xunshi.kernel.projection;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.xunshi.kernel.consumer.Delivered;

/**
 * A read model of another service's events: the findings it recorded, one row per event. It can be told
 * to fail, to show what a failed poll leaves behind.
 */
@ApplicationScoped
public class RemoteFindingsProjection implements TopicProjection {

    public static final String NAME = "kernel-test-remote-findings";
    public static final String TOPIC = "xunshi.testremote.events";
    public static final String FINDING_RECORDED = "xunshi.testremote.FindingRecorded";

    /** The remote service's event, as its contracts would declare it. */
    public record FindingRecorded(String severity) {

        public static final String TYPE = FINDING_RECORDED;
        public static final int VERSION = 1;
    }

    private final AtomicReference<UUID> failOn = new AtomicReference<>();
    private final AtomicInteger failures = new AtomicInteger();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<Class<? extends Record>> events() {
        return Set.of(FindingRecorded.class);
    }

    /** A finding without a severity cannot be listed. */
    @Override
    public Optional<String> unusable(Delivered<?> event) {
        String severity = event.payloadAs(FindingRecorded.class).severity();
        return severity == null || severity.isBlank() ? Optional.of("lacks severity") : Optional.empty();
    }

    @Override
    public Uni<Void> apply(SqlConnection conn, Delivered<?> event) {
        return applyAll(conn, List.of(event));
    }

    /**
     * One round trip per poll; an event seen again at another offset changes nothing. Fails after writing
     * when the poll holds the event it was told to fail on.
     */
    @Override
    public Uni<Void> applyAll(SqlConnection conn, List<Delivered<?>> delivered) {
        var events = delivered.stream().map(Delivered::event).toList();
        return conn.preparedQuery("INSERT INTO test_remote_findings (event_id, subject, jurisdiction, severity,"
                + " occurred_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (event_id) DO NOTHING")
                .executeBatch(delivered.stream().map(d -> Tuple.of(UUID.fromString(d.event().id()),
                        d.event().subject(), d.event().jurisdiction(), d.payloadAs(FindingRecorded.class).severity(),
                        d.event().time() == null ? null : OffsetDateTime.ofInstant(d.event().time(), ZoneOffset.UTC)))
                        .toList())
                .flatMap(written -> {
                    if (events.stream().noneMatch(event -> String.valueOf(failOn.get()).equals(event.id()))) {
                        return Uni.createFrom().voidItem();
                    }
                    failures.incrementAndGet();
                    return Uni.createFrom().failure(new IllegalStateException("told to fail on " + failOn.get()));
                });
    }

    public void failOn(UUID eventId) {
        failOn.set(eventId);
    }

    /** How many polls failed because they held the event it was told to fail on. */
    public int failures() {
        return failures.get();
    }

    @Override
    public Uni<Void> reset(SqlConnection conn) {
        return conn.query("DELETE FROM test_remote_findings").execute().replaceWithVoid();
    }
}
