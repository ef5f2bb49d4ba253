package io.xunshi.kernel.command;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.xunshi.kernel.security.Role;
import io.xunshi.testing.RealInfrastructureResource;
import io.xunshi.testing.TestTokens;

/**
 * The one command path, over REST against a real PostgreSQL: creation answers, concurrent commands without
 * If-Match decided again instead of answered 409, stale If-Match 412, rejections by kind, idempotent replays,
 * hiding and guards.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class CommandPathTest {

    private static final String OFFICE = TestTokens.bearer("office-44", Set.of(Role.INSPECTION_OFFICE), "440000");

    private static String open() {
        Response created = given().header("Authorization", OFFICE).contentType(ContentType.JSON)
                .body("{\"jurisdiction\":\"440100\"}").post("/api/v1/test-tallies");
        created.then().statusCode(201).header("ETag", "\"1\"");
        String id = created.jsonPath().getString("id");
        assertThat(created.header("Location")).isEqualTo("/api/v1/test-tallies/" + id);
        return id;
    }

    private static Response count(String id, int by, String ifMatch, String key) {
        var request = given().header("Authorization", OFFICE).contentType(ContentType.JSON).body("{\"by\":" + by + "}");
        if (ifMatch != null) {
            request = request.header("If-Match", ifMatch);
        }
        if (key != null) {
            request = request.header("Idempotency-Key", key);
        }
        return request.post("/api/v1/test-tallies/" + id + "/counts");
    }

    @Test
    void concurrent_commands_without_if_match_are_all_decided_none_answered_409() throws Exception {
        String id = open();
        int commands = 40;
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < commands; i++) {
                Callable<Integer> one = () -> count(id, 1, null, null).statusCode();
                statuses.add(pool.submit(one));
            }
            for (Future<Integer> status : statuses) {
                assertThat(status.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        Response read = given().header("Authorization", OFFICE).get("/api/v1/test-tallies/" + id);
        read.then().statusCode(200).header("ETag", "\"" + (commands + 1) + "\"");
        assertThat(read.jsonPath().getInt("total")).isEqualTo(commands);
    }

    @Test
    void creations_racing_with_one_idempotency_key_create_once_and_all_answer_the_first() throws Exception {
        String key = "open-" + java.util.UUID.randomUUID();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(threads.submit(() -> given().header("Authorization", OFFICE).header("Idempotency-Key", key)
                        .contentType(ContentType.JSON).body("{\"jurisdiction\":\"440100\"}")
                        .post("/api/v1/test-tallies")));
            }
            Set<String> locations = new java.util.HashSet<>();
            for (Future<Response> answer : answers) {
                Response created = answer.get();
                assertThat(created.statusCode()).isEqualTo(201);
                locations.add(created.header("Location"));
            }
            assertThat(locations).as("every answer names the one tally created").hasSize(1);
            assertThat(kept(key)).isEqualTo(1);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void a_stale_if_match_is_412_and_a_current_one_is_decided() {
        String id = open();
        count(id, 2, null, null).then().statusCode(200).header("ETag", "\"2\"");
        count(id, 3, "\"1\"", null).then().statusCode(412).contentType("application/problem+json");
        count(id, 3, "\"2\"", null).then().statusCode(200).header("ETag", "\"3\"");
        given().header("Authorization", OFFICE).get("/api/v1/test-tallies/" + id).then().body("total",
                org.hamcrest.Matchers.is(5));
    }

    @Test
    void rejections_answer_by_their_kind() {
        String id = open();
        count(id, 0, null, null).then().statusCode(422).contentType("application/problem+json")
                .body("code", org.hamcrest.Matchers.is("count-not-positive"))
                .body("errors[0].field", org.hamcrest.Matchers.is("by"));
        given().header("Authorization", OFFICE).contentType(ContentType.JSON)
                .post("/api/v1/test-tallies/" + id + "/close").then().statusCode(200);
        count(id, 1, null, null).then().statusCode(409).contentType("application/problem+json")
                .body("code", org.hamcrest.Matchers.is("tally-closed"));
    }

    @Test
    void an_idempotency_key_replays_the_first_answer_and_acts_once() {
        String id = open();
        Response first = count(id, 7, null, "count-7-once");
        first.then().statusCode(200).header("ETag", "\"2\"");
        Response again = count(id, 7, null, "count-7-once");
        again.then().statusCode(200).header("ETag", "\"2\"").header("Idempotent-Replayed", "true");
        assertThat(again.jsonPath().getInt("total")).isEqualTo(7);
        count(id, 8, null, "count-7-once").then().statusCode(422).contentType("application/problem+json");
        given().header("Authorization", OFFICE).get("/api/v1/test-tallies/" + id).then()
                .body("total", org.hamcrest.Matchers.is(7));
    }

    @jakarta.inject.Inject
    io.vertx.mutiny.sqlclient.Pool pool;

    @jakarta.inject.Inject
    io.xunshi.kernel.api.IdempotentCommands idempotency;

    private void age(String key, String by) {
        pool.preparedQuery("UPDATE idempotency_keys SET created_at = created_at - $2::text::interval"
                + " WHERE idempotency_key = $1").executeAndAwait(io.vertx.mutiny.sqlclient.Tuple.of(key, by));
    }

    private long kept(String key) {
        return pool.preparedQuery("SELECT count(*) AS n FROM idempotency_keys WHERE idempotency_key = $1")
                .executeAndAwait(io.vertx.mutiny.sqlclient.Tuple.of(key)).iterator().next().getLong("n");
    }

    @Test
    void an_idempotency_key_is_forgotten_after_the_retention_and_its_record_purged() {
        String id = open();
        String key = "count-3-" + java.util.UUID.randomUUID();
        count(id, 3, null, key).then().statusCode(200).header("ETag", "\"2\"");
        age(key, "23 hours");
        count(id, 3, null, key).then().statusCode(200).header("ETag", "\"2\"").header("Idempotent-Replayed", "true");

        age(key, "2 hours");
        Response afresh = count(id, 3, null, key);
        afresh.then().statusCode(200).header("ETag", "\"3\"");
        assertThat(afresh.header("Idempotent-Replayed")).as("a key past its retention runs as a new command")
                .isNull();
        assertThat(afresh.jsonPath().getInt("total")).isEqualTo(6);
        assertThat(kept(key)).as("the expired record gave way to the new one").isEqualTo(1);

        String other = "count-4-" + java.util.UUID.randomUUID();
        count(id, 4, null, other).then().statusCode(200);
        age(key, "25 hours");
        assertThat(idempotency.purgeExpired().await().atMost(java.time.Duration.ofSeconds(30)))
                .isGreaterThanOrEqualTo(1L);
        assertThat(kept(key)).as("purged").isZero();
        assertThat(kept(other)).as("a record within its retention is kept").isEqualTo(1);
    }

    @Test
    void what_the_caller_may_not_see_is_404_and_what_a_guard_refuses_is_403() {
        String id = open();
        String otherProvince = TestTokens.bearer("office-33", Set.of(Role.INSPECTION_OFFICE), "330000");
        given().header("Authorization", otherProvince).contentType(ContentType.JSON).body("{\"by\":1}")
                .post("/api/v1/test-tallies/" + id + "/counts").then().statusCode(404)
                .contentType("application/problem+json");
        given().header("Authorization", otherProvince).get("/api/v1/test-tallies/" + id).then().statusCode(404);
        count("no-such-tally", 1, null, null).then().statusCode(404).contentType("application/problem+json");
        String colleague = TestTokens.bearer("office-44-b", Set.of(Role.INSPECTION_OFFICE), "440000");
        given().header("Authorization", colleague).contentType(ContentType.JSON)
                .post("/api/v1/test-tallies/" + id + "/close").then().statusCode(403)
                .contentType("application/problem+json");
        given().header("Authorization", OFFICE).get("/api/v1/test-tallies/" + id).then()
                .body("closed", org.hamcrest.Matchers.is(false));
    }
}
