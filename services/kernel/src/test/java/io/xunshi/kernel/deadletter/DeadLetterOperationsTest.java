package io.xunshi.kernel.deadletter;

import static io.restassured.RestAssured.given;
import static io.xunshi.testing.CloudEventsOnKafka.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.Tuple;
import io.xunshi.kernel.consumer.NoteTakingConsumer;
import io.xunshi.kernel.security.Role;
import io.xunshi.testing.CloudEventsOnKafka;
import io.xunshi.testing.RealInfrastructureResource;
import io.xunshi.testing.TestTokens;

/**
 * An operator finds a record its consumer gave up on, reads why, re-drives it before the fix (it fails again
 * and stays), after the fix (it is processed once), and cannot re-drive it twice; callers outside the event's
 * jurisdiction, or without the operator role, do not see it.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class DeadLetterOperationsTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String CENTRE_OPERATOR = TestTokens.bearer(Role.OPERATOR, "000000");
    private static final String ZHEJIANG_OPERATOR = TestTokens.bearer(Role.OPERATOR, "330000");
    private static final String GUANGDONG_OPERATOR = TestTokens.bearer(Role.OPERATOR, "440000");

    @Inject
    Pool pool;

    @Inject
    NoteTakingConsumer notes;

    @Test
    void an_operator_inspects_a_dead_letter_and_redrives_it_once_the_cause_is_fixed() {
        String subject = "awaiting-fix-" + UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        CloudEventsOnKafka.publish(NoteTakingConsumer.TOPIC, event(NoteTakingConsumer.NOTE_AWAITING_FIX, subject)
                .id(eventId).jurisdiction("330000").json("{\"note\":\"needs a newer release\"}"));

        String id = await().atMost(WAIT).until(() -> letterOf(eventId, ZHEJIANG_OPERATOR), found -> found != null);
        assertThat(id).startsWith(NoteTakingConsumer.NAME + ".");
        JsonPath letter = given().header("Authorization", ZHEJIANG_OPERATOR).get("/api/v1/dead-letters/" + id)
                .then().statusCode(200).extract().jsonPath();
        assertThat(letter.getString("reasonCode")).isEqualTo("handler-failed");
        assertThat(letter.getString("cause")).isEqualTo("this release cannot take such notes");
        assertThat(letter.getString("sourceTopic")).isEqualTo(NoteTakingConsumer.TOPIC);
        assertThat(letter.getString("eventType")).isEqualTo(NoteTakingConsumer.NOTE_AWAITING_FIX);
        assertThat(letter.getString("status")).isEqualTo("PENDING");
        assertThat(letter.getString("payload")).isEqualTo("{\"note\":\"needs a newer release\"}");
        assertThat(letter.getBoolean("redrivable")).isTrue();

        // Beside the event's jurisdiction, or without the operator role: nothing to see.
        given().header("Authorization", GUANGDONG_OPERATOR).get("/api/v1/dead-letters/" + id).then().statusCode(404);
        assertThat(letterOf(eventId, GUANGDONG_OPERATOR)).isNull();
        given().header("Authorization", TestTokens.bearer(Role.AUDITOR, "000000")).get("/api/v1/dead-letters")
                .then().statusCode(403);
        given().header("Authorization", TestTokens.bearer(Role.INSPECTION_OFFICE, "330000"))
                .post("/api/v1/dead-letters/" + id + "/redrive").then().statusCode(403);

        // Re-driven before the fix: it fails again, nothing is applied, and it stays re-drivable.
        given().header("Authorization", ZHEJIANG_OPERATOR).post("/api/v1/dead-letters/" + id + "/redrive")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.equalTo("urn:xunshi:problem:redrive-failed"));
        assertThat(given().header("Authorization", ZHEJIANG_OPERATOR).get("/api/v1/dead-letters/" + id)
                .then().extract().jsonPath().getString("status")).isEqualTo("FAILED");
        assertThat(notesFor(subject)).isZero();

        notes.fix();
        JsonPath redriven = given().header("Authorization", CENTRE_OPERATOR)
                .post("/api/v1/dead-letters/" + id + "/redrive").then().statusCode(200).extract().jsonPath();
        assertThat(redriven.getString("status")).isEqualTo("REDRIVEN");
        assertThat(redriven.getString("redrivenBy")).isNotBlank();
        assertThat(notesFor(subject)).isEqualTo(1);
        assertThat(inboxEntries(eventId)).isEqualTo(1);

        given().header("Authorization", CENTRE_OPERATOR).post("/api/v1/dead-letters/" + id + "/redrive")
                .then().statusCode(409).contentType("application/problem+json");
        assertThat(notesFor(subject)).as("a second re-drive has no effect").isEqualTo(1);
        assertThat(given().header("Authorization", CENTRE_OPERATOR).queryParam("status", "REDRIVEN")
                .queryParam("consumer", NoteTakingConsumer.NAME).get("/api/v1/dead-letters").then().statusCode(200)
                .extract().jsonPath().getList("items.eventId")).contains(eventId.toString());
    }

    @Test
    void redriving_all_of_a_consumer_processes_the_fixable_and_reports_the_hopeless() {
        notes.fix();
        String subject = "batch-" + UUID.randomUUID();
        UUID hopeless = UUID.randomUUID();
        CloudEventsOnKafka.publish(NoteTakingConsumer.TOPIC,
                event(NoteTakingConsumer.NOTE_REJECTED, subject).id(hopeless).jurisdiction("110000").json("{}"));
        await().atMost(WAIT).until(() -> letterOf(hopeless, CENTRE_OPERATOR), found -> found != null);

        JsonPath summary = given().header("Authorization", CENTRE_OPERATOR)
                .queryParam("consumer", NoteTakingConsumer.NAME).post("/api/v1/dead-letters/redrive")
                .then().statusCode(200).extract().jsonPath();
        assertThat(summary.getInt("attempted")).isGreaterThanOrEqualTo(1);
        assertThat(summary.getList("failures.eventId")).contains(hopeless.toString());
        assertThat(summary.getInt("failed")).isEqualTo(summary.getList("failures").size());

        Map<String, Map<String, Integer>> counts = given().header("Authorization", CENTRE_OPERATOR)
                .get("/api/v1/dead-letters/summary").then().statusCode(200).extract().as(Map.class);
        assertThat(counts).containsKey(NoteTakingConsumer.NAME);
        given().header("Authorization", CENTRE_OPERATOR).queryParam("consumer", "no-such-consumer")
                .post("/api/v1/dead-letters/redrive").then().statusCode(422);
        given().header("Authorization", CENTRE_OPERATOR).get("/api/v1/dead-letters/no-such.0.0").then().statusCode(404);
        given().header("Authorization", CENTRE_OPERATOR).get("/api/v1/dead-letters/nonsense").then().statusCode(404);
    }

    @Test
    void the_list_pages_with_a_cursor_without_repeating_a_letter() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        String subject = "paged-" + UUID.randomUUID();
        CloudEventsOnKafka.publish(NoteTakingConsumer.TOPIC,
                event("xunshi.othersource.Unheard.v1", subject).id(a).json("{}"),
                event("xunshi.othersource.Unheard.v1", subject).id(b).json("{}"));
        await().atMost(WAIT).until(() -> letterOf(b, CENTRE_OPERATOR), found -> found != null);
        List<String> seen = new java.util.ArrayList<>();
        String cursor = null;
        do {
            var request = given().header("Authorization", CENTRE_OPERATOR).queryParam("limit", 1);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/v1/dead-letters").then().statusCode(200).extract().jsonPath();
            assertThat(page.getList("items")).hasSizeLessThanOrEqualTo(1);
            seen.addAll(page.getList("items.id"));
            cursor = page.getString("next");
        } while (cursor != null);
        assertThat(seen).doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(2);
    }

    /** The id of the dead letter of this event that the caller sees, or null. */
    private static String letterOf(UUID eventId, String token) {
        List<Map<String, Object>> items = given().header("Authorization", token).queryParam("limit", 200)
                .queryParam("consumer", NoteTakingConsumer.NAME).get("/api/v1/dead-letters").then().statusCode(200)
                .extract().jsonPath().getList("items");
        return items.stream().filter(i -> eventId.toString().equals(i.get("eventId"))).map(i -> (String) i.get("id"))
                .findFirst().orElse(null);
    }

    private long inboxEntries(UUID eventId) {
        return pool.preparedQuery("SELECT count(*) AS n FROM inbox WHERE consumer = $1 AND event_id = $2")
                .executeAndAwait(Tuple.of(NoteTakingConsumer.NAME, eventId.toString())).iterator().next().getLong("n");
    }

    private int notesFor(String subject) {
        RowIterator<Row> rows = pool.preparedQuery("SELECT notes FROM test_note_counts WHERE subject = $1")
                .executeAndAwait(Tuple.of(subject)).iterator();
        return rows.hasNext() ? rows.next().getInteger("notes") : 0;
    }
}
