package io.xunshi.kernel.consumer;

import static io.xunshi.testing.CloudEventsOnKafka.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.xunshi.kernel.eventstore.AppendResult;
import io.xunshi.kernel.eventstore.EventMetadata;
import io.xunshi.kernel.eventstore.EventStore;
import io.xunshi.kernel.eventstore.ExpectedVersion;
import io.xunshi.kernel.eventstore.NewEvent;
import io.xunshi.testing.CloudEventsOnKafka;
import io.xunshi.testing.RealInfrastructureResource;

@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class IdempotentConsumerTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Inbox inbox;

    @Inject
    EventStore store;

    @Inject
    Pool pool;

    @Test
    void an_event_handled_twice_has_its_effect_once_and_the_second_time_is_reported_as_a_duplicate() {
        UUID eventId = UUID.randomUUID();
        String stream = "inbox-" + eventId;
        AtomicInteger effects = new AtomicInteger();

        Handled<AppendResult> first = inbox.<AppendResult>handleOnce("kernel-test-inbox", eventId.toString(),
                conn -> appendOne(conn, stream, effects)).await().atMost(WAIT);
        Handled<AppendResult> second = inbox.<AppendResult>handleOnce("kernel-test-inbox", eventId.toString(),
                conn -> appendOne(conn, stream, effects)).await().atMost(WAIT);

        assertThat(first.duplicate()).isFalse();
        assertThat(first.value().version()).isEqualTo(1);
        assertThat(second.duplicate()).isTrue();
        assertThat(effects).hasValue(1);
        assertThat(store.readStream(stream).await().atMost(WAIT)).hasSize(1);
    }

    @Test
    void two_deliveries_of_one_event_racing_each_other_commit_a_single_effect() {
        UUID eventId = UUID.randomUUID();
        AtomicInteger effects = new AtomicInteger();

        List<Handled<AppendResult>> outcomes = Uni.join().all(
                inbox.<AppendResult>handleOnce("kernel-test-inbox", eventId.toString(),
                        conn -> appendOne(conn, "race-a-" + eventId, effects)),
                inbox.<AppendResult>handleOnce("kernel-test-inbox", eventId.toString(),
                        conn -> appendOne(conn, "race-b-" + eventId, effects)))
                .andFailFast().await().atMost(WAIT);

        assertThat(outcomes).extracting(Handled::duplicate).containsExactlyInAnyOrder(false, true);
        long stored = store.readStream("race-a-" + eventId).await().atMost(WAIT).size()
                + store.readStream("race-b-" + eventId).await().atMost(WAIT).size();
        assertThat(stored).isEqualTo(1);
    }

    @Test
    void the_same_record_delivered_twice_on_kafka_has_its_effect_once() {
        String subject = "twice-" + UUID.randomUUID();
        String after = "after-" + subject;
        UUID id = UUID.randomUUID();
        CloudEventsOnKafka.Event once = event(NoteTakingConsumer.NOTE_TAKEN, subject).id(id)
                .json("{\"note\":\"once\"}");
        CloudEventsOnKafka.publish(NoteTakingConsumer.TOPIC, once, once,
                event(NoteTakingConsumer.NOTE_TAKEN, after).key(subject).json("{\"note\":\"after\"}"));

        await().atMost(WAIT).until(() -> notes(after) == 1);
        assertThat(notes(subject)).isEqualTo(1);
        assertThat(pool.preparedQuery("SELECT count(*) AS n FROM inbox WHERE consumer = $1 AND event_id = $2")
                .executeAndAwait(Tuple.of(NoteTakingConsumer.NAME, id.toString())).iterator().next().getLong("n"))
                .isEqualTo(1L);
    }

    private int notes(String subject) {
        RowIterator<Row> rows = pool.preparedQuery("SELECT notes FROM test_note_counts WHERE subject = $1")
                .executeAndAwait(Tuple.of(subject)).iterator();
        return rows.hasNext() ? rows.next().getInteger("notes") : 0;
    }

    private Uni<AppendResult> appendOne(SqlConnection conn, String stream, AtomicInteger effects) {
        effects.incrementAndGet();
        return store.append(conn, stream, "InboxProbe", "110000", ExpectedVersion.NO_STREAM,
                List.of(NewEvent.of("xunshi.test.InboxProbed", 1, JsonNodeFactory.instance.objectNode(),
                        EventMetadata.none())));
    }
}
