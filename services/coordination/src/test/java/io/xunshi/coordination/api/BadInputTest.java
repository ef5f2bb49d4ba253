package io.xunshi.coordination.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
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

    @TestHTTPResource("/api/v1/organisations")
    URI organisations;

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
    void a_token_meant_for_another_audience_or_for_none_or_from_another_issuer_is_401() {
        String body = "{\"name\":\"x\",\"kind\":\"DEPARTMENT\",\"jurisdiction\":\"440000\"}";
        for (String token : java.util.List.of(TestTokens.signedWithClaims(Map.of("sub", "someone", "groups",
                java.util.List.of(Role.INSPECTION_OFFICE), "jurisdiction", "440000", "aud", "another-system")),
                TestTokens.withoutAudience(Role.INSPECTION_OFFICE, "440000"),
                TestTokens.fromIssuer("https://idp.elsewhere.example", Role.INSPECTION_OFFICE, "440000"))) {
            post(token, body).statusCode(401).contentType("application/problem+json");
        }
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

    @Test
    void a_nul_character_in_a_path_id_or_a_query_parameter_is_400() {
        given().header("Authorization", OFFICE).urlEncodingEnabled(false).get("/api/v1/organisations/abc%00").then()
                .statusCode(400)
                .contentType("application/problem+json").body("type", equalTo("urn:xunshi:problem:malformed-request"));
        given().header("Authorization", OFFICE).urlEncodingEnabled(false).get("/api/v1/organisations?kind=%00")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("kind"));
    }

    @Test
    void any_control_character_in_a_path_id_or_a_query_parameter_is_400() {
        for (String control : new String[]{ "%01", "%09", "%0A", "%1F", "%7F", "%C2%85" }) {
            given().header("Authorization", OFFICE).urlEncodingEnabled(false).get("/api/v1/organisations/ab" + control)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("type", equalTo("urn:xunshi:problem:malformed-request"))
                    .body("errors.field", hasItem("path"));
            given().header("Authorization", OFFICE).urlEncodingEnabled(false)
                    .get("/api/v1/organisations?jurisdiction=44" + control + "0000").then().statusCode(400)
                    .contentType("application/problem+json").body("errors.field", hasItem("jurisdiction"));
        }
    }

    @Test
    void a_nul_character_in_a_json_string_is_400_naming_the_field() {
        post(OFFICE, "{\"name\":\"广东省\\u0000水利厅\",\"kind\":\"DEPARTMENT\",\"jurisdiction\":\"440000\"}")
                .statusCode(400).body("errors.field", hasItem("name"));
    }

    @Test
    void a_get_with_a_non_json_content_type_is_answered_as_any_get() {
        given().header("Authorization", OFFICE).contentType(ContentType.TEXT).get("/api/v1/organisations")
                .then().statusCode(200);
    }

    @Test
    void a_cursor_that_decodes_but_was_tampered_with_is_400() {
        for (String cursor : io.xunshi.testing.TamperedCursors.ofTimeAndId()) {
            given().header("Authorization", OFFICE).queryParam("cursor", cursor).get("/api/v1/organisations").then()
                    .statusCode(400).contentType("application/problem+json")
                    .body("type", equalTo("urn:xunshi:problem:malformed-request"));
        }
    }

    @Test
    void a_token_whose_jurisdiction_claim_is_no_string_is_403() {
        for (Object claim : new Object[]{ 440000, Map.of("code", "440000"), java.util.List.of("440000") }) {
            given().header("Authorization", TestTokens.signedWithClaims(Map.of("sub", "someone", "groups",
                    java.util.List.of(Role.INSPECTION_OFFICE), "jurisdiction", claim)))
                    .get("/api/v1/organisations").then().statusCode(403).contentType("application/problem+json");
        }
    }

    @Test
    void an_oversized_body_sent_without_a_length_is_413_as_problem_json() throws Exception {
        for (int chars : new int[]{ 400_000, 900_000, 3_000_000 }) {
            oversizedWithoutALength(chars);
        }
    }

    private void oversizedWithoutALength(int chars) throws Exception {
        byte[] huge = ("{\"name\":\"" + "长".repeat(chars) + "\",\"kind\":\"DEPARTMENT\",\"jurisdiction\":\"440000\"}")
                .getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(organisations)
                .header("Authorization", OFFICE).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("urn:xunshi:problem:payload-too-large");
    }
}
