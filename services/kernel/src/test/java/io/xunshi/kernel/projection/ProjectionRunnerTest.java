package io.xunshi.kernel.projection;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.Tuple;
import io.xunshi.kernel.eventstore.AppendResult;
import io.xunshi.kernel.eventstore.EventMetadata;
import io.xunshi.kernel.eventstore.EventStore;
import io.xunshi.kernel.eventstore.ExpectedVersion;
import io.xunshi.kernel.eventstore.GlobalPosition;
import io.xunshi.kernel.eventstore.NewEvent;
import io.xunshi.testing.RealInfrastructureResource;

@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class ProjectionRunnerTest {

    private static final Logger LOG = Logger.getLogger(ProjectionRunnerTest.class);
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int STREAMS = 50;
    private static final int EVENTS_PER_STREAM = 100;

    @Inject
    EventStore store;

    @Inject
    Pool pool;

    @Inject
    ProjectionRunner runner;

    @Inject
    FlakyProjection flaky;

    @Test
    void a_projection_rebuilt_from_the_store_equals_the_live_one_row_for_row_while_reads_keep_working()
            throws Exception {
        String prefix = "tally-" + UUID.randomUUID() + "-";
        appendTallies(prefix, 0, STREAMS, EVENTS_PER_STREAM);
        await().atMost(WAIT).until(() -> tallied(prefix) == STREAMS * EVENTS_PER_STREAM);
        List<String> live = rows("SELECT stream_id, jurisdiction, events, total, last_version FROM test_tallies"
                + " ORDER BY stream_id");

        RebuildReport report;
        try (ConcurrentReads reads = new ConcurrentReads(pool, "test_tallies")) {
            report = runner.rebuild(TallyProjection.NAME).await().atMost(WAIT);
            assertThat(reads.counts()).isNotEmpty();
            reads.close();
            assertThat(reads.counts()).containsOnly((long) live.size());
        }

        LOG.infof("rebuilt %s: %d events in %d ms, %.0f events/s", report.projection(), report.events(),
                report.took().toMillis(), report.eventsPerSecond());
        assertThat(report.events()).isGreaterThanOrEqualTo(STREAMS * EVENTS_PER_STREAM);
        assertThat(rows("SELECT stream_id, jurisdiction, events, total, last_version FROM test_tallies"
                + " ORDER BY stream_id")).containsExactlyElementsOf(live);
    }

    @Test
    void events_appended_while_a_rebuild_runs_are_applied_exactly_once() {
        String prefix = "during-" + UUID.randomUUID() + "-";
        appendTallies(prefix, 0, 20, 50);
        await().atMost(WAIT).until(() -> tallied(prefix) == 20 * 50);

        CompletableFuture<Void> appending = CompletableFuture.runAsync(() -> appendTallies(prefix, 20, 40, 50));
        runner.rebuild(TallyProjection.NAME).await().atMost(WAIT);
        appending.join();

        await().atMost(WAIT).until(() -> tallied(prefix) == 40 * 50);
        List<String> expected = new ArrayList<>();
        for (int s = 0; s < 40; s++) {
            expected.add(prefix + s + " 50 " + (50L * s * 1000 + 50 * 51 / 2) + " 50");
        }
        Collections.sort(expected);
        List<String> tallies = new ArrayList<>();
        for (Row row : pool.preparedQuery("SELECT stream_id, events, total, last_version FROM test_tallies"
                + " WHERE stream_id LIKE $1 ORDER BY stream_id").executeAndAwait(Tuple.of(prefix + "%"))) {
            tallies.add(row.getString("stream_id") + " " + row.getInteger("events") + " " + row.getLong("total")
                    + " " + row.getInteger("last_version"));
        }
        assertThat(tallies).containsExactlyElementsOf(expected);
    }

    @Test
    void a_batch_that_fails_midway_moves_neither_the_projection_nor_its_checkpoint() {
        String stream = "flaky-" + UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID third = UUID.randomUUID();
        AppendResult appended;
        flaky.failOn(second);
        try {
            appended = store.append(stream, "Flaky", "110000", ExpectedVersion.NO_STREAM,
                    List.of(flakyEvent(first), flakyEvent(second), flakyEvent(third))).await().atMost(WAIT);
            await().atMost(WAIT).until(() -> Collections.frequency(flaky.attemptedIds(), first) >= 2);

            assertThat(flakyRows(stream)).isZero();
            assertThat(checkpoint(FlakyProjection.NAME)).isLessThan(appended.events().get(0).position());
        } finally {
            flaky.failOn(null);
        }

        await().atMost(WAIT).until(() -> flakyRows(stream) == 3);
        assertThat(checkpoint(FlakyProjection.NAME)).isGreaterThanOrEqualTo(appended.events().get(2).position());
    }

    @Test
    void its_lag_and_position_are_published_as_metrics() {
        runner.catchUp(TallyProjection.NAME).await().atMost(WAIT);

        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();

        assertThat(metrics).contains("xunshi_projection_lag{projection=\"kernel-test-tally\"}")
                .contains("xunshi_projection_position{projection=\"kernel-test-tally\"}");
    }

    /** Appends streams {@code prefix + from} to {@code prefix + (to - 1)}; event v of stream s tallies s * 1000 + v. */
    private void appendTallies(String prefix, int from, int to, int eventsPerStream) {
        for (int s = from; s < to; s++) {
            List<NewEvent> events = new ArrayList<>(eventsPerStream);
            for (int v = 1; v <= eventsPerStream; v++) {
                events.add(NewEvent.of(TallyProjection.TALLIED, 1,
                        JsonNodeFactory.instance.objectNode().put("amount", s * 1000 + v), EventMetadata.none()));
            }
            store.append(prefix + s, "Tally", "11" + (s % 10) + "000", ExpectedVersion.NO_STREAM, events)
                    .await().atMost(WAIT);
        }
    }

    private static NewEvent flakyEvent(UUID id) {
        return new NewEvent(id, FlakyProjection.HAPPENED, 1, JsonNodeFactory.instance.objectNode(), Instant.now(),
                EventMetadata.none());
    }

    private GlobalPosition checkpoint(String name) {
        RowIterator<Row> rows = pool.preparedQuery("SELECT tx_id::text AS tx, position FROM checkpoints"
                + " WHERE name = $1").executeAndAwait(Tuple.of(name)).iterator();
        if (!rows.hasNext()) {
            return GlobalPosition.START;
        }
        Row row = rows.next();
        return new GlobalPosition(Long.parseUnsignedLong(row.getString("tx")), row.getLong("position"));
    }

    private long flakyRows(String stream) {
        return pool.preparedQuery("SELECT count(*) AS n FROM test_flaky WHERE stream_id = $1")
                .executeAndAwait(Tuple.of(stream)).iterator().next().getLong("n");
    }

    private long tallied(String prefix) {
        return pool.preparedQuery("SELECT coalesce(sum(events), 0) AS n FROM test_tallies WHERE stream_id LIKE $1")
                .executeAndAwait(Tuple.of(prefix + "%")).iterator().next().getLong("n");
    }

    private List<String> rows(String sql) {
        List<String> rows = new ArrayList<>();
        for (Row row : pool.query(sql).executeAndAwait()) {
            rows.add(row.toJson().encode());
        }
        return rows;
    }
}
