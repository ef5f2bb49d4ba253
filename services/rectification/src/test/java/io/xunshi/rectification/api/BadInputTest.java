package io.xunshi.rectification.api;

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
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import io.xunshi.rectification.application.CaseAccess;
import io.xunshi.testing.RealInfrastructureResource;

/** Every kind of bad request gets the right problem+json, and none of them writes anything. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class BadInputTest {

    private static final String BASE = RectificationFlowTest.BASE;
    private static String caseId;

    @Inject
    Pool pool;

    private long eventsBefore;

    private long events() {
        return pool.query("SELECT count(*) AS n FROM events").executeAndAwait().iterator().next().getLong("n");
    }

    @BeforeEach
    void count() {
        if (caseId == null) {
            caseId = RectificationFlowTest.centreCase(CaseAccess.today().minusDays(10));
        }
        eventsBefore = events();
    }

    @AfterEach
    void nothingWasWritten() {
        assertThat(events()).as("events written by a rejected request").isEqualTo(eventsBefore);
    }

    private static ValidatableResponse post(String token, String path, String body) {
        return RectificationFlowTest.as(token).body(body).post(BASE + caseId + path).then()
                .contentType("application/problem+json");
    }

    private static ValidatableResponse owner(String path, String body) {
        return post(RectificationFlowTest.ZHEJIANG_OWNER, path, body);
    }

    @Test
    void malformed_json_is_400() {
        owner("/tasks/T1/progress", "{\"progress\": ").statusCode(400)
                .body("type", equalTo("urn:xunshi:problem:malformed-request"));
    }

    @Test
    void an_unknown_field_or_a_wrong_type_is_400_naming_the_field() {
        owner("/tasks/T1/progress", "{\"progress\":\"x\",\"percent\":50}").statusCode(400)
                .body("errors.field", hasItem("percent"));
        owner("/tasks/T1/progress", "{\"progress\":\"x\",\"reportedOn\":\"yesterday\"}").statusCode(400)
                .body("errors.field", hasItem("reportedOn"));
        post(RectificationFlowTest.CENTRE_OFFICE, "/evaluation", "{\"deductions\":\"all\",\"remarks\":\"x\"}")
                .statusCode(400).body("errors.field", hasItem("deductions"));
    }

    @Test
    void missing_and_blank_fields_are_422_listing_each() {
        owner("/tasks/T1/progress", "{\"progress\":\"  \"}").statusCode(422)
                .body("type", equalTo("urn:xunshi:problem:validation-failed"))
                .body("errors.field", hasItem("progress"));
        owner("/tasks/T1/close", "{\"evidence\":[]}").statusCode(422).body("errors.field", hasItem("evidence"));
        owner("/tasks/T1/close", "{}").statusCode(422).body("errors.field", hasItem("evidence"));
        owner("/tasks/T1/close", "{\"evidence\":[\"\"]}").statusCode(422)
                .body("errors.field", hasItem("evidence[0]"));
        owner("/report", "{}").statusCode(422).body("errors.field", hasItem("summary"));
        post(RectificationFlowTest.CENTRE_OFFICE, "/evaluation", "{}").statusCode(422)
                .body("errors.field", hasItems("deductions", "remarks"));
    }

    @Test
    void a_missing_body_is_422() {
        owner("/report", "").statusCode(422);
    }

    @Test
    void a_day_in_the_future_or_before_the_feedback_is_422() {
        owner("/tasks/T1/progress", "{\"progress\":\"x\",\"reportedOn\":\"" + CaseAccess.today().plusDays(1) + "\"}")
                .statusCode(422).body("errors.field", hasItem("reportedOn"));
        owner("/report", "{\"summary\":\"x\",\"submittedOn\":\"2020-01-01\"}").statusCode(422)
                .body("code", equalTo("date-before-feedback"));
    }

    @Test
    void bad_list_parameters_are_problems() {
        RectificationFlowTest.as(RectificationFlowTest.CENTRE_OFFICE).queryParam("limit", 500).get(BASE)
                .then().statusCode(422).body("errors.field", hasItem("limit"));
        RectificationFlowTest.as(RectificationFlowTest.CENTRE_OFFICE).queryParam("status", "CLOSED").get(BASE)
                .then().statusCode(422).body("errors.field", hasItem("status"));
        RectificationFlowTest.as(RectificationFlowTest.CENTRE_OFFICE).queryParam("cursor", "not-a-cursor").get(BASE)
                .then().statusCode(400).contentType("application/problem+json");
        for (String cursor : io.xunshi.testing.TamperedCursors.ofTimeAndId()) {
            RectificationFlowTest.as(RectificationFlowTest.CENTRE_OFFICE).queryParam("cursor", cursor).get(BASE)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("type", equalTo("urn:xunshi:problem:malformed-request"));
        }
    }

    @Test
    void a_malformed_if_match_is_400() {
        RectificationFlowTest.as(RectificationFlowTest.ZHEJIANG_OWNER).header("If-Match", "3")
                .body("{\"progress\":\"x\"}")
                .post(BASE + caseId + "/tasks/T1/progress").then().statusCode(400)
                .contentType("application/problem+json");
    }
}
