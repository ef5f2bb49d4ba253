package io.xunshi.kernel.consumer;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;
import io.xunshi.kernel.eventstore.EventMetadata;
import io.xunshi.kernel.eventstore.EventStore;
import io.xunshi.kernel.eventstore.ExpectedVersion;
import io.xunshi.kernel.eventstore.NewEvent;

/**
 * A consumer of another service's topic as a service declares one: notes taken count per subject, and
 * rejected notes always fail their handler.
 */
@ApplicationScoped
public class NoteTakingConsumer {

    public static final String NAME = "kernel-test-notes";
    public static final String TOPIC = "xunshi.testsource.events";
    public static final String DEAD_LETTER_TOPIC = "xunshi.testsource.events.kernel-test-notes.dlq";
    public static final String NOTE_TAKEN = "xunshi.testsource.NoteTaken.v1";
    public static final String NOTE_REJECTED = "xunshi.testsource.NoteRejected.v1";
    /** Fails its handler until {@link #fix()} is called: a bug fixed by a new release, as an operator sees it. */
    public static final String NOTE_AWAITING_FIX = "xunshi.testsource.NoteAwaitingFix.v1";
    /** Echoed notes open a stream of the consumer's own service, "echo-" + the subject (an append of its own). */
    public static final String NOTE_ECHOED = "xunshi.testsource.NoteEchoed.v1";
    /** A type the topic carries that this consumer does not handle: passed over by design. */
    public static final String NOTE_ARCHIVED = "xunshi.testsource.NoteArchived.v1";

    /** The source's events, as its contracts would declare them. */
    public record NoteTaken(String note) {

        public static final String TYPE = "xunshi.testsource.NoteTaken";
        public static final int VERSION = 1;
    }

    public record NoteRejected(String note) {

        public static final String TYPE = "xunshi.testsource.NoteRejected";
        public static final int VERSION = 1;
    }

    public record NoteAwaitingFix(String note) {

        public static final String TYPE = "xunshi.testsource.NoteAwaitingFix";
        public static final int VERSION = 1;
    }

    public record NoteEchoed(String note) {

        public static final String TYPE = "xunshi.testsource.NoteEchoed";
        public static final int VERSION = 1;
    }

    private static final Logger LOG = Logger.getLogger(NoteTakingConsumer.class);

    private final EventConsumer consumer;
    private final AtomicInteger rejections = new AtomicInteger();
    private volatile boolean fixed;

    @Inject
    public NoteTakingConsumer(EventConsumers consumers, EventStore store) {
        consumer = consumers.define(NAME)
                .on(NoteTaken.class,
                        (conn, event, taken) -> conn.preparedQuery("INSERT INTO test_note_counts (subject, notes)"
                                + " VALUES ($1, 1) ON CONFLICT (subject) DO UPDATE SET notes = test_note_counts.notes + 1")
                                .execute(Tuple.of(event.subject())).replaceWithVoid())
                .on(NoteRejected.class, (conn, event, rejected) -> {
                    rejections.incrementAndGet();
                    return Uni.createFrom().failure(new IllegalStateException("notes of this kind are refused"));
                })
                .on(NoteAwaitingFix.class, (conn, event, awaiting) -> fixed
                        ? conn.preparedQuery("INSERT INTO test_note_counts (subject, notes) VALUES ($1, 1)"
                                + " ON CONFLICT (subject) DO UPDATE SET notes = test_note_counts.notes + 1")
                                .execute(Tuple.of(event.subject())).replaceWithVoid()
                        : Uni.createFrom().failure(new IllegalStateException("this release cannot take such notes")))
                .on(NoteEchoed.class, (conn, event, echoed) -> Uni.createFrom().voidItem()
                        .invoke(() -> LOG.infof("echoing note %s", event.id()))
                        .chain(() -> store.append(conn, "echo-" + event.subject(), "Echo", "110000",
                                ExpectedVersion.NO_STREAM,
                                List.of(NewEvent.of("xunshi.test.NoteEchoed", 1, event.payload(),
                                        new EventMetadata(event.extension("correlationid"), event.id(), NAME)))))
                        .replaceWithVoid())
                .retries(2, Duration.ofMillis(20))
                .build();
    }

    @Incoming("testsource-events")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        return consumer.consume(record).replaceWithVoid();
    }

    /** From now on, notes awaiting a fix are taken. */
    public void fix() {
        fixed = true;
    }

    public int rejections() {
        return rejections.get();
    }
}
