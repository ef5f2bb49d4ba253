package io.xunshi.coordination.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import io.xunshi.kernel.security.Role;
import io.xunshi.testing.RealInfrastructureResource;
import io.xunshi.testing.TestTokens;

/** Every kind of bad request gets the right problem+json, and none of them writes anything. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class BadInputTest {

    private static final String OFFICE = TestTokens.bearer(Role.INSPECTION_OFFICE, "440000");

    @Inject
    Pool pool;

    private long eventsBefore;

    private long events() {
        return pool.query("SELECT count(*) AS n FROM events").executeAndAwait().iterator().next().getLong("n");
    }

    @BeforeEach
    void count() {
        eventsBefore = events();
    }

    @AfterEach
    void nothingWasWritten() {
        assertThat(events()).as("events written by a rejected request").isEqualTo(eventsBefore);
    }

    private ValidatableResponse post(String token, String body) {
        var request = given().contentType(ContentType.JSON).body(body);
        if (token != null) {
            request.header("Authorization", token);
        }
        return request.post("/api/v1/organisations").then().contentType("application/problem+json");
    }

    @Test
    void malformed_json_is_400() {
        post(OFFICE, "{\"name\": \"广东省水利厅\", ").statusCode(400)
                .body("type", equalTo("urn:xunshi:problem:malformed-request"));
    }

    @Test
    void a_field_of_the_wrong_type_is_400_naming_the_field() {
        post(OFFICE, "{\"name\":\"广东省水利厅\",\"kind\":\"NOT_A_KIND\",\"jurisdiction\":\"440000\"}").statusCode(400)
                .body("errors.field", hasItem("kind"));
        post(OFFICE, "{\"name\":[1,2],\"kind\":\"DEPARTMENT\",\"jurisdiction\":\"440000\"}").statusCode(400)
                .body("errors.field", hasItem("name"));
    }

    @Test
    void an_unknown_field_is_400_naming_it() {
        post(OFFICE, "{\"name\":\"广东省水利厅\",\"kind\":\"DEPARTMENT\",\"jurisdiction\":\"440000\",\"budget\":1}")
                .statusCode(400).body("errors.field", hasItem("budget"));
    }

    @Test
    void missing_and_invalid_fields_are_422_listing_each() {
        post(OFFICE, "{\"jurisdiction\":\"44\"}").statusCode(422)
                .body("type", equalTo("urn:xunshi:problem:validation-failed"))
                .body("errors.field", hasItems("name", "kind", "jurisdiction"));
    }

    @Test
    void a_missing_body_is_422() {
        given().header("Authorization", OFFICE).contentType(ContentType.JSON).post("/api/v1/organisations")
                .then().statusCode(422).contentType("application/problem+json");
    }

    @Test
    void an_oversized_body_is_413() {
        String huge = "{\"name\":\"" + "长".repeat(600_000) + "\",\"kind\":\"DEPARTMENT\",\"jurisdiction\":\"440000\"}";
        post(OFFICE, huge).statusCode(413).body("type", equalTo("urn:xunshi:problem:payload-too-large"));
    }

    @Test
    void a_missing_token_is_401() {
        post(null, "{\"name\":\"x\",\"kind\":\"DEPARTMENT\",\"jurisdiction\":\"440000\"}").statusCode(401)
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("type", equalTo("urn:xunshi:problem:unauthenticated"));
    }

    @Test
    void an_expired_token_is_401() {
        post(TestTokens.expired(Role.INSPECTION_OFFICE, "440000"),
                "{\"name\":\"x\",\"kind\":\"DEPARTMENT\",\"jurisdiction\":\"440000\"}").statusCode(401);
    }

    @Test
    void a_token_signed_by_an_untrusted_key_is_401() {
        post(TestTokens.signedByStranger(Role.INSPECTION_OFFICE, "440000"),
                "{\"name\":\"x\",\"kind\":\"DEPARTMENT\",\"jurisdiction\":\"440000\"}").statusCode(401);
    }

    @Test
    void a_wrong_content_type_is_415() {
        given().header("Authorization", OFFICE).contentType(ContentType.TEXT).body("name=x")
                .post("/api/v1/organisations").then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void an_unknown_path_is_404_as_problem_json() {
        given().header("Authorization", OFFICE).get("/api/v1/no-such-thing")
                .then().statusCode(404).contentType("application/problem+json");
    }
}
