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
import io.xunshi.kernel.consumer.IncomingEvent;

/**
 * A read model of another service's events: the findings it recorded, one row per event. It can be told
 * to fail, to show what a failed poll leaves behind.
 */
@ApplicationScoped
public class RemoteFindingsProjection implements TopicProjection {

    public static final String NAME = "kernel-test-remote-findings";
    public static final String TOPIC = "xunshi.testremote.events";
    public static final String FINDING_RECORDED = "xunshi.testremote.FindingRecorded";

    private final AtomicReference<UUID> failOn = new AtomicReference<>();
    private final AtomicInteger failures = new AtomicInteger();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String topic() {
        return TOPIC;
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(FINDING_RECORDED);
    }

    /** A finding without a severity cannot be listed. */
    @Override
    public Optional<String> unusable(IncomingEvent event) {
        return event.missingText("severity");
    }

    @Override
    public Uni<Void> apply(SqlConnection conn, IncomingEvent event) {
        return applyAll(conn, List.of(event));
    }

    /**
     * One round trip per poll; an event seen again at another offset changes nothing. Fails after writing
     * when the poll holds the event it was told to fail on.
     */
    @Override
    public Uni<Void> applyAll(SqlConnection conn, List<IncomingEvent> events) {
        return conn.preparedQuery("INSERT INTO test_remote_findings (event_id, subject, jurisdiction, severity,"
                + " occurred_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (event_id) DO NOTHING")
                .executeBatch(events.stream().map(event -> Tuple.of(event.id(), event.subject(),
                        event.jurisdiction(), event.payload().path("severity").asText(),
                        event.time() == null ? null : OffsetDateTime.ofInstant(event.time(), ZoneOffset.UTC)))
                        .toList())
                .flatMap(written -> {
                    if (events.stream().noneMatch(event -> event.id().equals(failOn.get()))) {
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
