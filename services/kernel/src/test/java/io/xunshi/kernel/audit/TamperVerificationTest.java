package io.xunshi.kernel.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.xunshi.kernel.eventstore.EventMetadata;
import io.xunshi.kernel.eventstore.EventStore;
import io.xunshi.kernel.eventstore.GlobalPosition;
import io.xunshi.kernel.eventstore.HashChain;
import io.xunshi.kernel.eventstore.NewEvent;
import io.xunshi.kernel.eventstore.RawEvent;
import io.xunshi.kernel.eventstore.StoredEvent;
import io.xunshi.testing.RealInfrastructureResource;
import io.xunshi.testing.TestTokens;

/**
 * Tampering as anyone with write access to the database would do it — SQL behind the store's back, as the
 * service's own database user, which owns the events table (it has no triggers or rules to switch off:
 * V1__event_store.sql) — is found through {@code GET /audit/verification}, every event named, across every
 * stream. Each test works in a jurisdiction of its own and asks as an auditor of it, so it sees only its own
 * streams in a store the other tests share.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class TamperVerificationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    EventStore store;

    private String stream(String name, String jurisdiction, int events) {
        String stream = name + "-" + UUID.randomUUID();
        for (int v = 0; v < events; v += 2) {
            List<NewEvent> batch = new ArrayList<>();
            for (int n = v; n < Math.min(events, v + 2); n++) {
                batch.add(NewEvent.of("xunshi.test.Noted", 1, JsonNodeFactory.instance.objectNode().put("n", n + 1)
                        .put("note", "记录 " + (n + 1)), EventMetadata.none()));
            }
            store.append(stream, "TestAggregate", jurisdiction, v, batch).await().atMost(WAIT);
        }
        return stream;
    }

    /** Waits until the relay has published everything appended so far. */
    private void awaitRelayed() {
        GlobalPosition last = position(store.pool().query("SELECT tx_id::text AS tx, global_position AS position"
                + " FROM events ORDER BY tx_id DESC, global_position DESC LIMIT 1").execute().await().atMost(WAIT)
                .iterator().next());
        await().atMost(WAIT).until(() -> {
            var rows = store.pool()
                    .query("SELECT tx_id::text AS tx, position FROM checkpoints WHERE name = 'outbox-relay'")
                    .execute().await().atMost(WAIT);
            return rows.size() == 1 && position(rows.iterator().next()).compareTo(last) >= 0;
        });
    }

    private static GlobalPosition position(Row row) {
        return new GlobalPosition(Long.parseUnsignedLong(row.getString("tx")), row.getLong("position"));
    }

    /** Runs statements about one stream (the last argument), one after the other. */
    private void tamper(String... statementsAndStream) {
        String stream = statementsAndStream[statementsAndStream.length - 1];
        for (int i = 0; i < statementsAndStream.length - 1; i++) {
            store.pool().preparedQuery(statementsAndStream[i]).execute(Tuple.of(stream)).await().atMost(WAIT);
        }
    }

    private List<RawEvent> raw(String stream) {
        return store.readRaw(stream, 0, 1000).await().atMost(WAIT).stream()
                .filter(r -> r.event().streamId().equals(stream)).toList();
    }

    private static ValidatableResponse verify(String jurisdiction) {
        return given().header("Authorization", TestTokens.bearer("auditor", jurisdiction)).queryParam("limit", 200)
                .when().get("/api/v1/audit/verification").then();
    }

    @Test
    void an_untouched_store_verifies_with_its_counts() {
        stream("intact-a", "540100", 4);
        stream("intact-b", "540102", 3);
        awaitRelayed();

        verify("540100").statusCode(200).contentType("application/json")
                .body("intact", equalTo(true))
                .body("scope", equalTo("540100"))
                .body("streams", equalTo(2))
                .body("events", equalTo(7))
                .body("findingsTotal", equalTo(0))
                .body("findings.size()", equalTo(0))
                .body("findingsByKind", equalTo(Map.of("altered", 0, "missing", 0, "reordered", 0, "truncated", 0,
                        "unwitnessed", 0)))
                .body("witness.topic", equalTo("xunshi.kernel_test.events"));
    }

    @Test
    void verifications_asked_for_at_once_wait_their_turn_and_all_answer() throws Exception {
        stream("together-a", "540300", 2);
        awaitRelayed();
        java.util.concurrent.ExecutorService callers = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                answers.add(callers.submit(() -> verify("540300").extract().statusCode()));
            }
            for (java.util.concurrent.Future<Integer> answer : answers) {
                org.assertj.core.api.Assertions.assertThat(answer.get(1, java.util.concurrent.TimeUnit.MINUTES))
                        .isEqualTo(200);
            }
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void every_altered_removed_reordered_or_inserted_event_is_named_in_every_stream() {
        String j = "540200";
        String altered = stream("altered", j, 4);
        String middle = stream("middle-deleted", j, 4);
        String last = stream("last-deleted", j, 4);
        String swapped = stream("swapped", j, 4);
        String rechained = stream("rechained", j, 4);
        String gone = stream("gone", j, 3);
        String inserted = stream("inserted", j, 2);
        String intact = stream("intact", j, 4);
        awaitRelayed();

        tamper("UPDATE events SET payload = jsonb_set(payload, '{n}', '42') WHERE stream_id = $1 AND version = 2",
                altered);
        tamper("DELETE FROM events WHERE stream_id = $1 AND version = 2", middle);
        tamper("DELETE FROM events WHERE stream_id = $1 AND version = 4", last);
        tamper("UPDATE events SET version = version + 100 WHERE stream_id = $1 AND version IN (2, 3)",
                "UPDATE events SET version = CASE version WHEN 102 THEN 3 ELSE 2 END WHERE stream_id = $1"
                        + " AND version > 100",
                swapped);
        rechain(rechained);
        tamper("DELETE FROM events WHERE stream_id = $1", gone);
        insertBehindTheRelay(inserted);
        // A careful attacker's rewrite leaves a chain that holds together: only the topic's witness shows it.
        assertThat(store.verifyStream(rechained).await().atMost(WAIT).isIntact()).isTrue();
        // Deleting the last event leaves a chain that holds together too.
        assertThat(store.verifyStream(last).await().atMost(WAIT).isIntact()).isTrue();

        ValidatableResponse response = verify(j).statusCode(200)
                .body("intact", equalTo(false))
                .body("findingsTotal", equalTo(10))
                .body("findingsByKind", equalTo(Map.of("altered", 2, "missing", 1, "reordered", 2, "truncated", 4,
                        "unwitnessed", 1)))
                .body("streams", equalTo(8))
                .body("events", equalTo(4 + 3 + 3 + 4 + 4 + 0 + 3 + 4));
        List<Map<String, Object>> findings = response.extract().jsonPath().getList("findings");
        assertThat(findings).extracting(f -> f.get("streamId"), f -> f.get("version"), f -> f.get("kind"))
                .containsExactlyInAnyOrder(
                        tuple(altered, 2, "altered"),
                        tuple(middle, 2, "missing"),
                        tuple(last, 4, "truncated"),
                        tuple(swapped, 2, "reordered"),
                        tuple(swapped, 3, "reordered"),
                        tuple(rechained, 3, "altered"),
                        tuple(gone, 1, "truncated"),
                        tuple(gone, 2, "truncated"),
                        tuple(gone, 3, "truncated"),
                        tuple(inserted, 3, "unwitnessed"));
        assertThat(findings).extracting(f -> f.get("streamId")).doesNotContain(intact);
        assertThat(findings).allSatisfy(f -> assertThat(f.get("jurisdiction")).isEqualTo(j));
        assertThat(findings).filteredOn(f -> f.get("streamId").equals(rechained)).singleElement()
                .satisfies(f -> assertThat((String) f.get("detail")).contains("topic"));

        // Another jurisdiction's auditor sees nothing of it; a limit lists fewer findings but counts them all.
        verify("540300").statusCode(200).body("intact", equalTo(true)).body("streams", equalTo(0));
        given().header("Authorization", TestTokens.bearer("auditor", j)).queryParam("limit", 3)
                .when().get("/api/v1/audit/verification").then().statusCode(200)
                .body("findings.size()", equalTo(3)).body("findingsTotal", equalTo(10));
    }

    /** Alters version 3's payload, then recomputes the hashes of versions 3 and 4 so the chain holds. */
    private void rechain(String stream) {
        tamper("UPDATE events SET payload = jsonb_set(payload, '{note}', '\"改写\"') WHERE stream_id = $1"
                + " AND version = 3", stream);
        List<RawEvent> rows = raw(stream);
        byte[] prev = rows.get(1).event().hash();
        for (RawEvent r : rows.subList(2, 4)) {
            byte[] hash = HashChain.link(prev, r.contentDigestAt(r.event().version()));
            store.pool()
                    .preparedQuery("UPDATE events SET prev_hash = $2, hash = $3 WHERE stream_id = $1 AND version = $4")
                    .execute(Tuple.of(stream, io.vertx.core.buffer.Buffer.buffer(prev),
                            io.vertx.core.buffer.Buffer.buffer(hash), r.event().version()))
                    .await().atMost(WAIT);
            prev = hash;
        }
    }

    /**
     * Inserts a version 3 that chains correctly onto version 2, under the transaction id of version 1, so
     * that it sorts before the relay's checkpoint and the relay never publishes it.
     */
    private void insertBehindTheRelay(String stream) {
        List<RawEvent> rows = raw(stream);
        StoredEvent head = rows.get(1).event();
        StoredEvent forged = new StoredEvent(head.position(), UUID.randomUUID(), stream, head.streamType(), 3,
                head.type(), 1, head.jurisdiction(), JsonNodeFactory.instance.objectNode().put("n", 3),
                EventMetadata.none(), rows.get(0).event().occurredAt(), head.recordedAt(), head.hash(), null);
        byte[] hash = HashChain.link(head.hash(), new RawEvent(forged, JsonNodeFactory.instance.objectNode())
                .contentDigestAt(3));
        store.pool().preparedQuery("INSERT INTO events (tx_id, stream_id, version, stream_type, event_id, event_type,"
                + " type_version, jurisdiction, payload, metadata, occurred_at, prev_hash, hash)"
                + " SELECT tx_id, stream_id, 3, stream_type, $2, event_type, 1, jurisdiction, '{\"n\":3}', '{}',"
                + " occurred_at, $3, $4 FROM events WHERE stream_id = $1 AND version = 1")
                .execute(Tuple.of(stream, forged.eventId(), io.vertx.core.buffer.Buffer.buffer(head.hash()),
                        io.vertx.core.buffer.Buffer.buffer(hash)))
                .await().atMost(WAIT);
        assertThat(store.verifyStream(stream).await().atMost(WAIT).isIntact()).as("the forged event chains").isTrue();
    }

    /**
     * The rate of a whole verification (relay checkpoint, topic, store) over some 20,000 events, logged;
     * rerun with {@code ./mvnw -o -B -pl services/kernel verify -Dtest=TamperVerificationTest}.
     */
    @Test
    void twenty_thousand_events_verify_intact_and_the_rate_is_logged() {
        String j = "540500";
        for (int s = 0; s < 100; s++) {
            String stream = "bulk-" + s + "-" + UUID.randomUUID();
            for (int v = 0; v < 200; v += 100) {
                List<NewEvent> batch = new ArrayList<>();
                for (int n = v; n < v + 100; n++) {
                    batch.add(NewEvent.of("xunshi.test.Noted", 1, JsonNodeFactory.instance.objectNode()
                            .put("n", n + 1).put("note", "整改记录 " + (n + 1)).put("amount", 12.5), EventMetadata.none()));
                }
                store.append(stream, "TestAggregate", j, v, batch).await().atMost(WAIT);
            }
        }
        awaitRelayed();

        ValidatableResponse response = verify(j).statusCode(200).body("intact", equalTo(true))
                .body("streams", equalTo(100)).body("events", equalTo(20_000));
        long millis = response.extract().jsonPath().getLong("durationMillis");
        long walked = store.pool().query("SELECT count(*) AS n FROM events").execute().await().atMost(WAIT)
                .iterator().next().getLong("n");
        org.jboss.logging.Logger.getLogger(TamperVerificationTest.class).infof(
                "Tamper verification: %d events (store and topic) in %d ms, %d events/s", walked, millis,
                walked * 1000 / Math.max(1, millis));
        assertThat(millis).isPositive();
    }

    @Test
    void only_auditors_may_verify_and_errors_are_problems() {
        given().when().get("/api/v1/audit/verification").then().statusCode(401)
                .contentType("application/problem+json");
        for (String role : List.of("inspection-office", "team-member", "public")) {
            given().header("Authorization", TestTokens.bearer(role, "000000")).when().get("/api/v1/audit/verification")
                    .then().statusCode(403).contentType("application/problem+json");
        }
        given().header("Authorization", TestTokens.bearer("auditor", "540400")).queryParam("limit", 0)
                .when().get("/api/v1/audit/verification").then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:xunshi:problem:validation-failed"));
    }
}
