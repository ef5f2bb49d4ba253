package io.xunshi.coordination.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.xunshi.kernel.security.Role;
import io.xunshi.testing.RealInfrastructureResource;
import io.xunshi.testing.TestTokens;

@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class OrganisationApiTest {

    static final String GUANGDONG = "440000";
    static final String GUANGZHOU = "440100";
    static final String GUANGXI = "450000";
    static final String OFFICE_GD = TestTokens.bearer(Role.INSPECTION_OFFICE, GUANGDONG);

    @Inject
    Pool pool;

    static String body(String name, String kind, String jurisdiction) {
        return "{\"name\":\"" + name + "\",\"kind\":\"" + kind + "\",\"jurisdiction\":\"" + jurisdiction + "\"}";
    }

    static Response register(String token, String json) {
        return given().header("Authorization", token).contentType(ContentType.JSON).body(json)
                .when().post("/api/v1/organisations");
    }

    static String registered(String name, String jurisdiction) {
        return register(OFFICE_GD, body(name, "DEPARTMENT", jurisdiction)).then().statusCode(201)
                .extract().path("id");
    }

    long events() {
        return pool.query("SELECT count(*) AS n FROM events").executeAndAwait().iterator().next().getLong("n");
    }

    @Test
    void registering_answers_201_with_location_etag_and_the_organisation() {
        given().header("Authorization", OFFICE_GD).contentType(ContentType.JSON)
                .body(body("广东省交通运输厅", "DEPARTMENT", GUANGDONG))
                .when().post("/api/v1/organisations")
                .then().statusCode(201)
                .header("Location", startsWith("/api/v1/organisations/"))
                .header("ETag", "\"1\"")
                .body("name", equalTo("广东省交通运输厅"))
                .body("kind", equalTo("DEPARTMENT"))
                .body("jurisdiction", equalTo(GUANGDONG))
                .body("location", equalTo(GUANGDONG))
                .body("version", equalTo(1));
    }

    @Test
    void a_retry_with_the_same_idempotency_key_returns_the_first_result_and_registers_once() {
        String key = "register-" + UUID.randomUUID();
        String json = body("广州市发展和改革委员会", "DEPARTMENT", GUANGZHOU);
        Response first = given().header("Authorization", OFFICE_GD).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(json).post("/api/v1/organisations");
        long after = events();
        Response retry = given().header("Authorization", OFFICE_GD).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(json).post("/api/v1/organisations");

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.jsonPath().getString("id")).isEqualTo(first.jsonPath().getString("id"));
        assertThat(events()).isEqualTo(after);
    }

    @Test
    void the_same_idempotency_key_with_a_different_body_is_422_and_writes_nothing() {
        String key = "register-" + UUID.randomUUID();
        given().header("Authorization", OFFICE_GD).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(body("广州市财政局", "DEPARTMENT", GUANGZHOU)).post("/api/v1/organisations")
                .then().statusCode(201);
        long before = events();

        given().header("Authorization", OFFICE_GD).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(body("广州市审计局", "DEPARTMENT", GUANGZHOU)).post("/api/v1/organisations")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:xunshi:problem:idempotency-key-reused"));
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void a_rename_with_a_stale_if_match_is_412_and_with_the_current_etag_succeeds() {
        String id = registered("广东省统计局", GUANGDONG);
        String path = "/api/v1/organisations/" + id + "/name";

        given().header("Authorization", OFFICE_GD).header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body("{\"name\":\"广东省统计局（新）\"}").put(path)
                .then().statusCode(200).header("ETag", "\"2\"").body("name", equalTo("广东省统计局（新）"));
        long before = events();
        given().header("Authorization", OFFICE_GD).header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body("{\"name\":\"另一个名字\"}").put(path)
                .then().statusCode(412).body("type", equalTo("urn:xunshi:problem:precondition-failed"));
        assertThat(events()).isEqualTo(before);
        given().header("Authorization", OFFICE_GD).get("/api/v1/organisations/" + id)
                .then().statusCode(200).header("ETag", "\"2\"").body("name", equalTo("广东省统计局（新）"));
    }

    @Test
    void lists_page_through_a_subtree_in_a_stable_order_with_a_bounded_page_size() {
        List<String> districts = List.of("440103", "440104", "440105", "440106", "440111", "440112", "440113",
                "440114", "440115", "440117", "440118");
        String county = districts.get((int) (Math.random() * districts.size()));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(registered("区属单位 " + UUID.randomUUID(), county));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> given().header("Authorization", OFFICE_GD)
                .queryParam("jurisdiction", county).queryParam("limit", 200).get("/api/v1/organisations")
                .jsonPath().getList("items.id").containsAll(ids));

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().header("Authorization", OFFICE_GD).queryParam("jurisdiction", county)
                    .queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get("/api/v1/organisations");
            page.then().statusCode(200);
            assertThat(page.jsonPath().getList("items")).hasSizeLessThanOrEqualTo(2);
            seen.addAll(page.jsonPath().getList("items.id"));
            cursor = page.jsonPath().getString("next");
            pages++;
        } while (cursor != null && pages < 10);

        assertThat(seen).containsAll(ids).doesNotHaveDuplicates();
        given().header("Authorization", OFFICE_GD).queryParam("limit", 500).get("/api/v1/organisations")
                .then().statusCode(422).body("errors.field", hasItem("limit"));
        given().header("Authorization", OFFICE_GD).queryParam("cursor", "not-a-cursor").get("/api/v1/organisations")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void an_unknown_id_is_404_as_problem_json() {
        given().header("Authorization", OFFICE_GD).get("/api/v1/organisations/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("urn:xunshi:problem:not-found"))
                .body("status", equalTo(404))
                .body("instance", startsWith("/api/v1/organisations/"))
                .body("title", notNullValue())
                .body("trace", nullValue());
    }

    @Test
    void a_jurisdiction_or_location_outside_the_tree_is_422_and_writes_nothing() {
        long before = events();
        register(OFFICE_GD, body("虚构单位", "DEPARTMENT", "449900")).then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:xunshi:problem:validation-failed"))
                .body("code", equalTo("unknown-jurisdiction"))
                .body("errors.field", hasItem("jurisdiction"));
        register(OFFICE_GD, "{\"name\":\"虚构单位\",\"kind\":\"DEPARTMENT\",\"jurisdiction\":\"440000\","
                + "\"location\":\"440199\"}").then().statusCode(422)
                .body("code", equalTo("unknown-jurisdiction")).body("errors.field", equalTo(List.of("location")));
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void a_location_outside_the_managing_jurisdictions_subtree_is_422() {
        String zhejiang = TestTokens.bearer(Role.INSPECTION_OFFICE, "330000");
        long before = events();
        register(zhejiang, "{\"name\":\"浙江省驻广州办事处\",\"kind\":\"PUBLIC_INSTITUTION\","
                + "\"jurisdiction\":\"330000\",\"location\":\"440100\"}").then().statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo("location-outside-jurisdiction"))
                .body("errors.field", equalTo(List.of("location")));
        assertThat(events()).isEqualTo(before);
        register(zhejiang, "{\"name\":\"杭州市西湖区某单位\",\"kind\":\"PUBLIC_INSTITUTION\","
                + "\"jurisdiction\":\"330000\",\"location\":\"330106\"}").then().statusCode(201)
                .body("location", equalTo("330106"));
    }
}
