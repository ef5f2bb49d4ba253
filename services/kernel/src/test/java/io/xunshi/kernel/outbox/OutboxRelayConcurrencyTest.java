package io.xunshi.kernel.outbox;

import static io.xunshi.kernel.outbox.TopicContents.awaitEvents;
import static io.xunshi.kernel.outbox.TopicContents.header;
import static io.xunshi.kernel.outbox.TopicContents.ofStream;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.xunshi.kernel.eventstore.AppendResult;
import io.xunshi.kernel.eventstore.EventMetadata;
import io.xunshi.kernel.eventstore.EventStore;
import io.xunshi.kernel.eventstore.ExpectedVersion;
import io.xunshi.kernel.eventstore.NewEvent;
import io.xunshi.kernel.eventstore.StoredEvent;
import io.xunshi.testing.RealInfrastructureResource;

/**
 * The gap the global order exists to close: transactions that take their position early but commit
 * late, while the relay is running and others commit around them.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class OutboxRelayConcurrencyTest {

    private static final int WRITERS = 16;
    private static final int STREAMS_PER_WRITER = 4;
    private static final int APPENDS_PER_WRITER = 24;
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    EventStore store;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;
    @ConfigProperty(name = "xunshi.kafka.topic")
    String topic;

    @Test
    void every_event_from_concurrent_and_late_committing_transactions_is_published_in_version_order_per_stream()
            throws Exception {
        String run = UUID.randomUUID().toString();
        Map<String, Integer> lastVersion = new ConcurrentHashMap<>();
        List<Commit> commits = new CopyOnWriteArrayList<>();
        List<UUID> appended = new ArrayList<>();
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        try {
            List<Future<List<UUID>>> done = IntStream.range(0, WRITERS)
                    .mapToObj(w -> writers.submit(() -> write(run, w, lastVersion, commits))).toList();
            for (Future<List<UUID>> writer : done) {
                appended.addAll(writer.get());
            }
        } finally {
            writers.shutdown();
        }

        List<ConsumerRecord<String, String>> records = awaitEvents(kafka, topic, appended);

        assertThat(appended).hasSize(WRITERS * APPENDS_PER_WRITER * 2);
        assertThat(commits).as("transactions that committed after one holding a later position had committed")
                .anyMatch(late -> commits.stream().anyMatch(early -> early.position() > late.position()
                        && early.committedAt() < late.committedAt()));
        assertThat(records.stream().map(r -> header(r, "ce_id")).filter(id -> id != null))
                .containsAll(appended.stream().map(UUID::toString).toList());
        lastVersion.forEach((stream, last) -> assertThat(ofStream(records, stream))
                .extracting(r -> Integer.parseInt(header(r, "ce_aggregateversion")))
                .as("versions of %s as published", stream)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, last).boxed().toList()));
    }

    /**
     * One writer's transactions, each appending two events to one of its streams; every fifth holds its
     * transaction open after the insert, so it commits after transactions that started after it.
     */
    private List<UUID> write(String run, int writer, Map<String, Integer> lastVersion, List<Commit> commits) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < APPENDS_PER_WRITER; i++) {
            String stream = "concurrent-" + run + "-" + writer + "-" + (i % STREAMS_PER_WRITER);
            List<NewEvent> events = List.of(event(writer, i), event(writer, i));
            double lateBy = i % 5 == writer % 5 ? 0.05 + 0.02 * (writer % 4) : 0;
            AppendResult result = store.pool().withTransaction(conn -> store.append(conn, stream, "Probe", "110000",
                    ExpectedVersion.ANY, events)
                    .call(() -> conn.query("SELECT pg_sleep(" + lateBy + ")").execute()))
                    .await().atMost(WAIT);
            commits.add(new Commit(result.events().get(0).position().position(), System.nanoTime()));
            result.events().stream().map(StoredEvent::eventId).forEach(ids::add);
            lastVersion.put(stream, result.version());
        }
        return ids;
    }

    /** An append's first position in the identity sequence, and when its transaction was seen committed. */
    private record Commit(long position, long committedAt) {
    }

    private static NewEvent event(int writer, int append) {
        return NewEvent.of("xunshi.test.ConcurrentProbeWritten", 1,
                JsonNodeFactory.instance.objectNode().put("writer", writer).put("append", append),
                EventMetadata.none());
    }
}
