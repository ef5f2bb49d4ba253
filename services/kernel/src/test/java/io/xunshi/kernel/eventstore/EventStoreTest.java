package io.xunshi.kernel.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.xunshi.kernel.domain.InvalidCommand;
import io.xunshi.testing.RealInfrastructureResource;

@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class EventStoreTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    EventStore store;

    private static NewEvent event(String type, int n) {
        ObjectNode payload = JsonNodeFactory.instance.objectNode().put("n", n).put("note", "event " + n);
        return NewEvent.of(type, 1, payload, new EventMetadata("corr-1", null, "tester"));
    }

    private static String stream() {
        return "test-" + UUID.randomUUID();
    }

    private AppendResult append(String stream, int expected, NewEvent... events) {
        return store.append(stream, "TestAggregate", "110000", expected, List.of(events)).await().atMost(WAIT);
    }

    @Test
    void several_events_appended_together_get_consecutive_versions_and_read_back_in_order() {
        String stream = stream();
        AppendResult result = append(stream, ExpectedVersion.NO_STREAM, event("xunshi.test.Opened", 1),
                event("xunshi.test.Noted", 2), event("xunshi.test.Noted", 3));

        assertThat(result.version()).isEqualTo(3);
        List<StoredEvent> read = store.readStream(stream).await().atMost(WAIT);
        assertThat(read).extracting(StoredEvent::version).containsExactly(1, 2, 3);
        assertThat(read).extracting(e -> e.payload().get("n").asInt()).containsExactly(1, 2, 3);
        assertThat(read.get(0).metadata()).isEqualTo(new EventMetadata("corr-1", null, "tester"));
        assertThat(read.get(0).prevHash()).isNull();
        assertThat(read.get(1).prevHash()).isEqualTo(read.get(0).hash());
    }

    @Test
    void the_database_chains_an_append_exactly_as_hash_chain_computes_it_and_returns_what_it_stored() {
        String stream = stream();
        append(stream, ExpectedVersion.NO_STREAM, event("xunshi.test.Opened", 1));
        NewEvent[] ten = IntStream.rangeClosed(2, 11).mapToObj(n -> event("xunshi.test.Noted", n))
                .toArray(NewEvent[]::new);

        AppendResult result = append(stream, 1, ten);

        List<StoredEvent> read = store.readStream(stream).await().atMost(WAIT);
        assertThat(result.version()).isEqualTo(11);
        assertThat(result.events()).extracting(StoredEvent::version).containsExactlyElementsOf(
                IntStream.rangeClosed(2, 11).boxed().toList());
        byte[] prev = read.get(0).hash();
        for (StoredEvent e : read.subList(1, read.size())) {
            byte[] expected = HashChain.hash(prev, e.eventId(), e.streamId(), e.streamType(), e.version(), e.type(),
                    e.typeVersion(), e.jurisdiction(), e.occurredAt(), e.payload(),
                    JsonNodeFactory.instance.objectNode().put("correlationId", "corr-1").put("actor", "tester"));
            assertThat(e.hash()).as("hash of version %d", e.version()).isEqualTo(expected);
            assertThat(e.prevHash()).isEqualTo(prev);
            prev = e.hash();
        }
        assertThat(result.events()).extracting(StoredEvent::hash)
                .containsExactlyElementsOf(read.subList(1, read.size()).stream().map(StoredEvent::hash).toList());
        assertThat(result.events()).extracting(StoredEvent::position)
                .containsExactlyElementsOf(read.subList(1, read.size()).stream().map(StoredEvent::position).toList());
        assertThat(result.events()).extracting(StoredEvent::position).isSorted();
    }

    @Test
    void an_append_at_any_version_follows_whatever_the_stream_holds() {
        String stream = stream();
        append(stream, ExpectedVersion.NO_STREAM, event("xunshi.test.Opened", 1));
        append(stream, ExpectedVersion.ANY, event("xunshi.test.Noted", 2), event("xunshi.test.Noted", 3));

        List<StoredEvent> read = store.readStream(stream).await().atMost(WAIT);
        assertThat(read).extracting(StoredEvent::version).containsExactly(1, 2, 3);
        assertThat(store.verifyStream(stream).await().atMost(WAIT).isIntact()).isTrue();
    }

    @Test
    void an_append_with_a_stale_expected_version_is_a_conflict_and_writes_nothing() {
        String stream = stream();
        append(stream, ExpectedVersion.NO_STREAM, event("xunshi.test.Opened", 1));
        append(stream, 1, event("xunshi.test.Noted", 2));

        assertThatThrownBy(() -> append(stream, 1, event("xunshi.test.Noted", 99), event("xunshi.test.Noted", 100)))
                .isInstanceOf(ConcurrencyConflict.class)
                .hasMessageContaining("version 2");
        assertThat(store.readStream(stream).await().atMost(WAIT)).hasSize(2);
    }

    @Test
    void an_event_larger_than_the_log_carries_is_refused_as_invalid_and_nothing_of_its_append_is_written() {
        String stream = stream();
        append(stream, ExpectedVersion.NO_STREAM, event("xunshi.test.Opened", 1));
        // 333,334 CJK characters: 1,000,002 bytes of UTF-8 in the note, over the 1,000,000 allowed.
        ObjectNode large = JsonNodeFactory.instance.objectNode().put("note", "问".repeat(333_334));
        NewEvent tooLarge = NewEvent.of("xunshi.test.Noted", 1, large, EventMetadata.none());

        assertThatThrownBy(() -> append(stream, 1, event("xunshi.test.Noted", 2), tooLarge))
                .isInstanceOfSatisfying(InvalidCommand.class, e -> assertThat(e.code()).isEqualTo("event-too-large"))
                .hasMessageContaining("xunshi.test.Noted").hasMessageContaining("more than the 1000000");
        assertThat(store.readStream(stream).await().atMost(WAIT)).hasSize(1);

        ObjectNode justFits = JsonNodeFactory.instance.objectNode().put("note", "问".repeat(333_320));
        append(stream, 1, NewEvent.of("xunshi.test.Noted", 1, justFits, EventMetadata.none()));
        assertThat(store.readStream(stream).await().atMost(WAIT)).hasSize(2);
    }

    @Test
    void of_many_concurrent_appends_at_the_same_version_exactly_one_wins() {
        String stream = stream();
        append(stream, ExpectedVersion.NO_STREAM, event("xunshi.test.Opened", 0));
        AtomicInteger conflicts = new AtomicInteger();
        List<Uni<Boolean>> attempts = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            attempts.add(store.append(stream, "TestAggregate", "110000", 1, List.of(event("xunshi.test.Noted", i)))
                    .map(r -> true)
                    .onFailure(ConcurrencyConflict.class).recoverWithItem(f -> {
                        conflicts.incrementAndGet();
                        return false;
                    }));
        }
        List<Boolean> outcomes = Uni.join().all(attempts).andFailFast().await().atMost(WAIT);

        assertThat(outcomes).filteredOn(won -> won).hasSize(1);
        assertThat(conflicts).hasValue(11);
        assertThat(store.readStream(stream).await().atMost(WAIT)).extracting(StoredEvent::version)
                .containsExactly(1, 2);
    }

    @Test
    void a_stream_reads_up_to_a_version_and_as_of_a_point_in_time() throws Exception {
        String stream = stream();
        append(stream, ExpectedVersion.NO_STREAM, event("xunshi.test.Opened", 1));
        append(stream, 1, event("xunshi.test.Noted", 2));
        Instant between = store.readStream(stream).await().atMost(WAIT).get(1).recordedAt();
        Thread.sleep(5);
        append(stream, 2, event("xunshi.test.Noted", 3));

        assertThat(store.readStream(stream, 2).await().atMost(WAIT)).extracting(StoredEvent::version)
                .containsExactly(1, 2);
        assertThat(store.readStreamAsOf(stream, between).await().atMost(WAIT)).extracting(StoredEvent::version)
                .containsExactly(1, 2);
    }

    @Test
    void the_global_order_returns_every_settled_event_once_and_keeps_each_stream_in_version_order() {
        GlobalPosition start = lastPosition();
        List<String> streams = IntStream.range(0, 5).mapToObj(i -> stream()).toList();
        for (int round = 1; round <= 3; round++) {
            for (String s : streams) {
                append(s, round - 1, event("xunshi.test.Noted", round));
            }
        }

        List<StoredEvent> read = new ArrayList<>();
        GlobalPosition after = start;
        List<StoredEvent> page;
        while (!(page = store.readAll(after, 4).await().atMost(WAIT)).isEmpty()) {
            read.addAll(page);
            after = page.get(page.size() - 1).position();
        }
        List<StoredEvent> ours = read.stream().filter(e -> streams.contains(e.streamId())).toList();
        assertThat(ours).hasSize(15);
        assertThat(ours).extracting(StoredEvent::position).isSorted().doesNotHaveDuplicates();
        for (String s : streams) {
            assertThat(ours).filteredOn(e -> e.streamId().equals(s)).extracting(StoredEvent::version)
                    .containsExactly(1, 2, 3);
        }
    }

    @Test
    void an_append_to_an_existing_stream_that_is_not_the_first_write_of_its_transaction_is_refused() {
        String stream = stream();
        store.append(stream, "TestAggregate", "110000", ExpectedVersion.NO_STREAM,
                List.of(event("xunshi.test.Opened", 1))).await().atMost(WAIT);
        assertThatThrownBy(() -> store.pool().withTransaction(conn -> conn
                .query("INSERT INTO inbox (consumer, event_id) VALUES ('x', gen_random_uuid())").execute()
                .flatMap(r -> store.append(conn, stream, "TestAggregate", "110000", 1,
                        List.of(event("xunshi.test.Renamed", 1)))))
                .await().atMost(WAIT))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("first write");
        assertThat(store.readStream(stream).await().atMost(WAIT)).hasSize(1);
    }

    @Test
    void new_streams_can_be_created_after_other_writes_several_in_one_transaction() {
        String first = stream();
        String second = stream();
        store.pool().withTransaction(conn -> conn
                .query("INSERT INTO inbox (consumer, event_id) VALUES ('x', gen_random_uuid())").execute()
                .flatMap(r -> store.append(conn, first, "TestAggregate", "110000", ExpectedVersion.NO_STREAM,
                        List.of(event("xunshi.test.Opened", 1))))
                .flatMap(r -> store.append(conn, second, "TestAggregate", "110000", ExpectedVersion.NO_STREAM,
                        List.of(event("xunshi.test.Opened", 1), event("xunshi.test.Renamed", 1)))))
                .await().atMost(WAIT);
        List<StoredEvent> one = store.readStream(first).await().atMost(WAIT);
        List<StoredEvent> two = store.readStream(second).await().atMost(WAIT);
        assertThat(one).hasSize(1);
        assertThat(two).extracting(StoredEvent::version).containsExactly(1, 2);
        assertThat(one.get(0).position().txId()).isEqualTo(two.get(0).position().txId());
        assertThat(store.verifyStream(second).await().atMost(WAIT).isIntact()).isTrue();
    }

    @Test
    void an_old_version_of_an_event_is_read_as_the_current_version_through_the_upcaster_chain() {
        String stream = stream();
        store.append(stream, "TestAggregate", "110000", ExpectedVersion.NO_STREAM, List.of(
                NewEvent.of(RenamedFieldUpcaster.TYPE, 1, JsonNodeFactory.instance.objectNode().put("title", "old"),
                        EventMetadata.none()),
                NewEvent.of(RenamedFieldUpcaster.TYPE, 3, JsonNodeFactory.instance.objectNode().put("name", "new")
                        .put("language", "en"), EventMetadata.none())))
                .await().atMost(WAIT);

        List<StoredEvent> read = store.readStream(stream).await().atMost(WAIT);

        assertThat(read).extracting(StoredEvent::typeVersion).containsExactly(3, 3);
        assertThat(read.get(0).payload().get("name").asText()).isEqualTo("old");
        assertThat(read.get(0).payload().has("title")).isFalse();
        assertThat(read.get(0).payload().get("language").asText()).isEqualTo("zh");
        assertThat(read.get(1).payload().get("language").asText()).isEqualTo("en");
        assertThat(store.verifyStream(stream).await().atMost(WAIT).isIntact()).isTrue();
    }

    @Test
    void the_encoded_read_publishes_what_the_whole_read_holds_upcasting_only_the_old_versions() throws Exception {
        String stream = stream();
        store.append(stream, "TestAggregate", "110000", ExpectedVersion.NO_STREAM, List.of(
                NewEvent.of(RenamedFieldUpcaster.TYPE, 1, JsonNodeFactory.instance.objectNode().put("title", "旧"),
                        new EventMetadata("corr-7", "cause-8", "tester")),
                event("xunshi.test.Noted", 2))).await().atMost(WAIT);
        List<StoredEvent> whole = store.readStream(stream).await().atMost(WAIT);
        GlobalPosition before = new GlobalPosition(whole.get(0).position().txId() - 1, Long.MAX_VALUE);

        List<EncodedEvent> encoded = store.readAllEncoded(store.pool(), before, 10_000).await().atMost(WAIT).stream()
                .filter(e -> e.streamId().equals(stream)).toList();

        assertThat(encoded).hasSize(2);
        assertThat(encoded).usingRecursiveFieldByFieldElementComparatorIgnoringFields("payloadJson")
                .containsExactlyElementsOf(whole.stream().map(EncodedEvent::of).toList());
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        assertThat(json.readTree(encoded.get(0).payloadJson())).isEqualTo(whole.get(0).payload());
        assertThat(encoded.get(0).typeVersion()).isEqualTo(3);
        assertThat(encoded.get(0).correlationId()).isEqualTo("corr-7");
        assertThat(encoded.get(0).causationId()).isEqualTo("cause-8");
        assertThat(json.readTree(encoded.get(1).payloadJson())).isEqualTo(whole.get(1).payload());
    }

    @Test
    void an_event_type_that_is_a_java_class_name_is_refused() {
        assertThatThrownBy(() -> event("io.xunshi.SomethingHappened", 1)).isInstanceOf(IllegalArgumentException.class);
    }

    private GlobalPosition lastPosition() {
        return store.pool().query("SELECT tx_id::text AS tx, global_position FROM events"
                + " ORDER BY tx_id DESC, global_position DESC LIMIT 1").execute()
                .map(rows -> rows.size() == 0
                        ? GlobalPosition.START
                        : new GlobalPosition(Long.parseLong(rows.iterator().next().getString("tx")),
                                rows.iterator().next().getLong("global_position")))
                .await().atMost(WAIT);
    }
}
