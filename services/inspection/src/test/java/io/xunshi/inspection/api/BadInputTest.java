package io.xunshi.inspection.api;

import static io.restassured.RestAssured.given;
import static io.xunshi.inspection.InspectionFixtures.LEADER_ZJ;
import static io.xunshi.inspection.InspectionFixtures.MEMBER_ZJ;
import static io.xunshi.inspection.InspectionFixtures.OFFICE_ZJ;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import io.xunshi.inspection.InspectionFixtures;
import io.xunshi.inspection.domain.Inspection;
import io.xunshi.testing.RealInfrastructureResource;

/** Every kind of bad request gets the right problem+json, and none of them writes anything. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class BadInputTest {

    private static String stationed;

    @Inject
    Pool pool;

    private long eventsBefore;

    private long events() {
        return pool.query("SELECT count(*) AS n FROM events").executeAndAwait().iterator().next().getLong("n");
    }

    @BeforeEach
    void count() {
        if (stationed == null) {
            stationed = InspectionFixtures.inStatus(Inspection.Status.STATIONED);
        }
        eventsBefore = events();
    }

    @AfterEach
    void nothingWasWritten() {
        assertThat(events()).as("events written by a rejected request").isEqualTo(eventsBefore);
    }

    private ValidatableResponse finding(String body) {
        return given().header("Authorization", MEMBER_ZJ).contentType(ContentType.JSON).body(body)
                .post("/api/v1/inspections/" + stationed + "/findings").then().contentType("application/problem+json");
    }

    @Test
    void an_unknown_focus_area_is_400_naming_the_field() {
        finding("{\"focusArea\":\"LIFESTYLE\",\"description\":\"x\",\"severity\":\"GENERAL\"}").statusCode(400)
                .body("type", equalTo("urn:xunshi:problem:malformed-request"))
                .body("errors.field", hasItem("focusArea"));
    }

    @Test
    void an_unknown_severity_or_field_is_400() {
        finding("{\"focusArea\":\"PARTY_LINE\",\"description\":\"x\",\"severity\":\"MINOR\"}").statusCode(400)
                .body("errors.field", hasItem("severity"));
        finding("{\"focusArea\":\"PARTY_LINE\",\"description\":\"x\",\"severity\":\"GENERAL\",\"secret\":1}")
                .statusCode(400).body("errors.field", hasItem("secret"));
    }

    @Test
    void a_blank_description_and_missing_fields_are_422_listing_each() {
        finding("{\"description\":\"   \",\"evidence\":[\"\"]}").statusCode(422)
                .body("type", equalTo("urn:xunshi:problem:validation-failed"))
                .body("errors.field", hasItems("focusArea", "description", "severity"))
                .body("errors.size()", org.hamcrest.Matchers.greaterThanOrEqualTo(4));
    }

    @Test
    void malformed_json_and_a_bad_date_are_400() {
        finding("{\"focusArea\": ").statusCode(400).body("type", equalTo("urn:xunshi:problem:malformed-request"));
        given().header("Authorization", LEADER_ZJ).contentType(ContentType.JSON)
                .body("{\"reportedOn\":\"2026-13-40\",\"summary\":\"x\"}")
                .post("/api/v1/inspections/" + stationed + "/report").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("reportedOn"));
    }

    @Test
    void a_missing_body_where_one_is_required_is_422() {
        given().header("Authorization", LEADER_ZJ).contentType(ContentType.JSON)
                .post("/api/v1/inspections/" + stationed + "/report").then().statusCode(422)
                .contentType("application/problem+json");
    }

    @Test
    void a_malformed_if_match_is_400() {
        given().header("Authorization", MEMBER_ZJ).header("If-Match", "3").contentType(ContentType.JSON)
                .body(InspectionFixtures.FINDING).post("/api/v1/inspections/" + stationed + "/findings")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void an_unknown_inspection_or_finding_is_404() {
        given().header("Authorization", OFFICE_ZJ).get("/api/v1/inspections/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("urn:xunshi:problem:not-found"));
        given().header("Authorization", OFFICE_ZJ).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/inspections/" + UUID.randomUUID() + "/stationing")
                .then().statusCode(404).contentType("application/problem+json");
        given().header("Authorization", OFFICE_ZJ).get("/api/v1/inspections/" + stationed + "/findings/nope")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void bad_list_parameters_are_problems() {
        given().header("Authorization", OFFICE_ZJ).queryParam("status", "OPEN").get("/api/v1/inspections")
                .then().statusCode(422).contentType("application/problem+json").body("errors.field", hasItem("status"));
        given().header("Authorization", OFFICE_ZJ).queryParam("limit", 500).get("/api/v1/inspections")
                .then().statusCode(422).body("errors.field", hasItem("limit"));
        given().header("Authorization", OFFICE_ZJ).queryParam("cursor", "not-a-cursor").get("/api/v1/inspections")
                .then().statusCode(400).contentType("application/problem+json");
        for (String cursor : io.xunshi.testing.TamperedCursors.ofTimeAndId()) {
            given().header("Authorization", OFFICE_ZJ).queryParam("cursor", cursor).get("/api/v1/inspections").then()
                    .statusCode(400).contentType("application/problem+json")
                    .body("type", equalTo("urn:xunshi:problem:malformed-request"));
        }
    }

    @Test
    void a_missing_token_is_401() {
        given().contentType(ContentType.JSON).body(InspectionFixtures.FINDING)
                .post("/api/v1/inspections/" + stationed + "/findings").then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void a_date_with_a_five_digit_year_or_a_time_is_400_naming_the_field() {
        for (String date : new String[]{ "+99999-01-01", "2026-03-02T10:00:00", "2026-02-30" }) {
            given().header("Authorization", OFFICE_ZJ).contentType(ContentType.JSON)
                    .body("{\"closedOn\":\"" + date + "\"}").post("/api/v1/inspections/" + stationed + "/close")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem("closedOn"));
        }
    }

    @Test
    void a_nul_character_in_a_path_id_is_400() {
        given().header("Authorization", OFFICE_ZJ).urlEncodingEnabled(false).get("/api/v1/inspections/x%00y").then()
                .statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:xunshi:problem:malformed-request"));
    }
}
