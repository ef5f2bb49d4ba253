package io.xunshi.planning.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import io.xunshi.testing.RealInfrastructureResource;

/** Every kind of bad request gets the right problem+json, and none of them writes anything. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class PlanningBadInputTest {

    @Inject
    Pool pool;

    private long eventsBefore;

    private long events() {
        return pool.query("SELECT count(*) AS n FROM events").executeAndAwait().iterator().next().getLong("n");
    }

    @BeforeEach
    void count() {
        Fixture.centrePlan(pool);
        eventsBefore = events();
    }

    @AfterEach
    void nothingWasWritten() {
        assertThat(events()).as("events written by a rejected request").isEqualTo(eventsBefore);
    }

    private ValidatableResponse post(String path, String body) {
        return given().header("Authorization", Fixture.OFFICE_CENTRE).contentType(ContentType.JSON).body(body)
                .post(path).then().contentType("application/problem+json");
    }

    @Test
    void malformed_json_is_400() {
        post("/api/v1/plans", "{\"title\": ").statusCode(400).body("type",
                equalTo("urn:xunshi:problem:malformed-request"));
    }

    @Test
    void wrong_types_and_unknown_fields_are_400_naming_the_field() {
        post("/api/v1/plans", "{\"title\":\"x\",\"jurisdiction\":\"000000\",\"termStart\":\"soon\",\"termEnd\":2027}")
                .statusCode(400).body("errors.field", hasItem("termStart"));
        post("/api/v1/plans", "{\"title\":\"x\",\"jurisdiction\":\"000000\",\"termStart\":2033,\"termEnd\":2037,"
                + "\"budget\":1}").statusCode(400).body("errors.field", hasItem("budget"));
        String plan = Fixture.centrePlan(pool);
        post("/api/v1/plans/" + plan + "/rounds",
                "{\"kind\":\"GRAND\",\"name\":\"x\",\"stationingStart\":\"2024-01-01\","
                        + "\"stationingEnd\":\"2024-02-01\",\"assignments\":[]}")
                .statusCode(400)
                .body("errors.field", hasItem("kind"));
        post("/api/v1/plans/" + plan + "/rounds", "{\"kind\":\"REGULAR\",\"name\":\"x\",\"stationingStart\":"
                + "\"2024-13-01\",\"stationingEnd\":\"2024-02-01\",\"assignments\":[]}").statusCode(400)
                .body("errors.field", hasItem("stationingStart"));
    }

    @Test
    void missing_and_invalid_fields_are_422_listing_each() {
        post("/api/v1/plans", "{\"jurisdiction\":\"33\"}").statusCode(422)
                .body("type", equalTo("urn:xunshi:problem:validation-failed"))
                .body("errors.field", hasItems("title", "jurisdiction", "termStart", "termEnd"));
        String plan = Fixture.centrePlan(pool);
        post("/api/v1/plans/" + plan + "/rounds", "{\"assignments\":[{\"team\":\"\"}]}").statusCode(422)
                .body("errors.field", hasItems("kind", "name", "stationingStart", "stationingEnd",
                        "assignments[0].team", "assignments[0].organisationId"));
    }

    @Test
    void a_missing_body_is_422_and_a_wrong_content_type_415() {
        given().header("Authorization", Fixture.OFFICE_CENTRE).contentType(ContentType.JSON).post("/api/v1/plans")
                .then().statusCode(422).contentType("application/problem+json");
        given().header("Authorization", Fixture.OFFICE_CENTRE).contentType(ContentType.TEXT).body("x")
                .post("/api/v1/plans").then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void bad_list_parameters_are_problems() {
        given().header("Authorization", Fixture.OFFICE_CENTRE).queryParam("limit", 500).get("/api/v1/plans")
                .then().statusCode(422).body("errors.field", hasItem("limit"));
        given().header("Authorization", Fixture.OFFICE_CENTRE).queryParam("cursor", "not-a-cursor")
                .get("/api/v1/plans").then().statusCode(400).contentType("application/problem+json");
        given().header("Authorization", Fixture.OFFICE_CENTRE).queryParam("jurisdiction", "abc")
                .get("/api/v1/plans").then().statusCode(422).body("errors.field", hasItem("jurisdiction"));
    }

    @Test
    void a_malformed_if_match_is_400_and_an_unknown_round_404() {
        String plan = Fixture.centrePlan(pool);
        String round = "no-such-round";
        given().header("Authorization", Fixture.OFFICE_CENTRE).header("If-Match", "nonsense")
                .contentType(ContentType.JSON).body("{}").post("/api/v1/rounds/" + round + "/launch")
                .then().statusCode(400).contentType("application/problem+json");
        given().header("Authorization", Fixture.OFFICE_CENTRE).get("/api/v1/rounds/" + round)
                .then().statusCode(404).contentType("application/problem+json");
        given().header("Authorization", Fixture.OFFICE_CENTRE).get("/api/v1/plans/" + plan + "/rounds")
                .then().statusCode(200);
    }

    @Test
    void a_date_that_is_not_a_plain_existing_day_is_400_naming_the_field() {
        String plan = Fixture.centrePlan(pool);
        String universe = Fixture.centreUniverse(pool).get(0);
        for (String date : new String[]{ "2026-03-02T10:00:00", "2026-02-30", "" }) {
            post("/api/v1/plans/" + plan + "/rounds", RoundAndCoverageTest.round("REGULAR", "2025-03-01", date,
                    "一组", universe)).statusCode(400).body("errors.field", hasItem("stationingEnd"));
        }
    }

    @Test
    void a_cursor_that_decodes_but_was_tampered_with_is_400() {
        String plan = Fixture.centrePlan(pool);
        for (String cursor : io.xunshi.testing.TamperedCursors.ofTimeAndId()) {
            for (String path : new String[]{ "/api/v1/plans", "/api/v1/plans/" + plan + "/rounds" }) {
                given().header("Authorization", Fixture.OFFICE_CENTRE).queryParam("cursor", cursor).get(path).then()
                        .statusCode(400).contentType("application/problem+json")
                        .body("type", equalTo("urn:xunshi:problem:malformed-request"));
            }
        }
    }
}
