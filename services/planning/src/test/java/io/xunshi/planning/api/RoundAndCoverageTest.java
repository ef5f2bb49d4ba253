package io.xunshi.planning.api;

import static io.restassured.RestAssured.given;
import static io.xunshi.planning.api.Fixture.OFFICE_CENTRE;
import static io.xunshi.planning.api.Fixture.OFFICE_ZJ;
import static io.xunshi.planning.api.Fixture.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.xunshi.kernel.security.Role;
import io.xunshi.testing.KafkaTopicReader;
import io.xunshi.testing.RealInfrastructureResource;
import io.xunshi.testing.TestTokens;

@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class RoundAndCoverageTest {

    @Inject
    Pool pool;

    @Inject
    ObjectMapper json;

    static String round(String kind, String start, String end, String... teamsAndTargets) {
        StringBuilder body = new StringBuilder("{\"kind\":\"" + kind + "\",\"name\":\"二十届中央第一轮巡视\","
                + "\"stationingStart\":\"" + start + "\",\"stationingEnd\":\"" + end + "\",\"assignments\":[");
        for (int i = 0; i < teamsAndTargets.length; i += 2) {
            body.append(i == 0 ? "" : ",").append("{\"team\":\"").append(teamsAndTargets[i])
                    .append("\",\"organisationId\":\"").append(teamsAndTargets[i + 1]).append("\"}");
        }
        return body.append("]}").toString();
    }

    static Response schedule(String token, String planId, String body) {
        return given().header("Authorization", token).contentType(ContentType.JSON).body(body)
                .post("/api/v1/plans/" + planId + "/rounds");
    }

    @Test
    void a_regular_round_is_scheduled_then_launched_once_and_round_launched_carries_its_assignments() throws Exception {
        String plan = Fixture.centrePlan(pool);
        List<String> universe = Fixture.centreUniverse(pool);

        Response scheduled = schedule(OFFICE_CENTRE, plan, round("REGULAR", "2024-03-01", "2024-05-10",
                "中央第一巡视组", universe.get(0), "中央第二巡视组", universe.get(1)));
        scheduled.then().statusCode(201).header("Location", startsWith("/api/v1/rounds/")).header("ETag", "\"1\"")
                .body("status", equalTo("SCHEDULED")).body("planId", equalTo(plan))
                .body("assignments[0].organisationName", equalTo("中共浙江省委员会"))
                .body("assignments[0].organisationLocation", equalTo("330000"));
        String roundId = scheduled.jsonPath().getString("id");

        given().header("Authorization", OFFICE_CENTRE).header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body("{\"launchedOn\":\"2024-02-20\"}").post("/api/v1/rounds/" + roundId + "/launch")
                .then().statusCode(200).header("ETag", "\"2\"").body("status", equalTo("LAUNCHED"))
                .body("launchedOn", equalTo("2024-02-20"));
        given().header("Authorization", OFFICE_CENTRE).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/rounds/" + roundId + "/launch").then().statusCode(409)
                .contentType("application/problem+json").body("code", equalTo("round-already-launched"));
        given().header("Authorization", OFFICE_CENTRE).header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body("{}").post("/api/v1/rounds/" + roundId + "/launch").then().statusCode(412)
                .body("type", equalTo("urn:xunshi:problem:precondition-failed"));

        List<ConsumerRecord<String, String>> read = KafkaTopicReader.readUntil(
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class), "xunshi.planning.events",
                r -> roundId.equals(r.key()) && "xunshi.planning.RoundLaunched.v1".equals(header(r, "ce_type")), WAIT);
        ConsumerRecord<String, String> launched = read.get(read.size() - 1);
        JsonNode payload = json.readTree(launched.value());
        assertThat(header(launched, "ce_jurisdiction")).isEqualTo("000000");
        assertThat(payload.get("roundId").asText()).isEqualTo(roundId);
        assertThat(payload.get("planId").asText()).isEqualTo(plan);
        assertThat(payload.get("kind").asText()).isEqualTo("REGULAR");
        assertThat(payload.get("stationingStart").asText()).isEqualTo("2024-03-01");
        assertThat(payload.get("launchedOn").asText()).isEqualTo("2024-02-20");
        assertThat(payload.get("assignments")).hasSize(2);
        JsonNode first = payload.get("assignments").get(0);
        assertThat(first.get("team").asText()).isEqualTo("中央第一巡视组");
        assertThat(first.get("organisationId").asText()).isEqualTo(universe.get(0));
        assertThat(first.get("organisationName").asText()).isEqualTo("中共浙江省委员会");
        assertThat(first.get("organisationJurisdiction").asText()).isEqualTo("000000");
        assertThat(first.get("organisationLocation").asText()).isEqualTo("330000");
        assertThat(read).anyMatch(r -> roundId.equals(r.key())
                && "xunshi.planning.RoundScheduled.v1".equals(header(r, "ce_type")));

        given().header("Authorization", OFFICE_CENTRE).get("/api/v1/rounds/" + roundId).then().statusCode(200)
                .header("ETag", "\"2\"").body("status", equalTo("LAUNCHED"));
        Response rounds = given().header("Authorization", OFFICE_CENTRE).get("/api/v1/plans/" + plan + "/rounds");
        rounds.then().statusCode(200);
        assertThat(rounds.jsonPath().getString("items.find { it.id == '" + roundId + "' }.status"))
                .isEqualTo("LAUNCHED");
        given().header("Authorization", OFFICE_ZJ).get("/api/v1/rounds/" + roundId).then().statusCode(404);
    }

    @Test
    void a_round_breaking_its_rules_is_422_naming_what_is_wrong() {
        String plan = Fixture.centrePlan(pool);
        List<String> universe = Fixture.centreUniverse(pool);
        String outside = Fixture.organisation(pool, "中国某某银行", "FINANCIAL_INSTITUTION", "000000", "110000");

        schedule(OFFICE_CENTRE, plan, round("REGULAR", "2024-03-01", "2024-05-10", "一组", outside)).then()
                .statusCode(422).body("code", equalTo("targets-outside-universe"))
                .body("detail", containsString(outside));
        schedule(OFFICE_CENTRE, plan, round("REGULAR", "2024-03-01", "2024-05-10", "一组", universe.get(0), "二组",
                universe.get(0))).then().statusCode(422).body("code", equalTo("organisation-assigned-twice"));
        schedule(OFFICE_CENTRE, plan, round("REGULAR", "2024-05-10", "2024-03-01", "一组", universe.get(0))).then()
                .statusCode(422).body("code", equalTo("stationing-window-reversed"));
        schedule(OFFICE_CENTRE, plan, round("REGULAR", "2028-03-01", "2028-05-10", "一组", universe.get(0))).then()
                .statusCode(422).body("code", equalTo("stationing-outside-term"));
        schedule(OFFICE_CENTRE, plan, round("REGULAR", "2024-03-01", "2024-05-10")).then().statusCode(422)
                .body("errors.field", org.hamcrest.Matchers.hasItem("assignments"));
        // A mobile round may reach an organisation outside the universe, within the plan's jurisdiction; an elevated
        // one only organisations a lower level manages (RoundKindsTest).
        schedule(OFFICE_CENTRE, plan, round("MOBILE", "2024-03-01", "2024-03-20", "一组", outside)).then()
                .statusCode(201).body("kind", equalTo("MOBILE"));
        schedule(OFFICE_CENTRE, plan, round("ELEVATED", "2024-03-01", "2024-05-10", "一组", outside)).then()
                .statusCode(422).body("code", equalTo("elevated-targets-not-below"));
    }

    /**
     * The page of the consumer's dead letters that holds the subject's letter, or null while none does; every
     * page is read, since the suite's other tests leave letters of their own before it.
     */
    private static io.restassured.path.json.JsonPath pageWithSubject(String token, String consumer, String subject) {
        String cursor = null;
        do {
            var request = given().header("Authorization", token).queryParam("consumer", consumer)
                    .queryParam("limit", 200);
            if (cursor != null) {
                request = request.queryParam("cursor", cursor);
            }
            io.restassured.path.json.JsonPath page = request.get("/api/v1/dead-letters").then().statusCode(200)
                    .extract().jsonPath();
            if (page.getList("items.subject").contains(subject)) {
                return page;
            }
            cursor = page.getString("next");
        } while (cursor != null);
        return null;
    }

    @Test
    void coverage_moves_from_nothing_to_formal_to_effective_as_feedback_and_evaluations_arrive() {
        String plan = Fixture.centrePlan(pool);
        List<String> universe = Fixture.centreUniverse(pool);
        String a = universe.get(0);
        String b = universe.get(1);

        given().header("Authorization", OFFICE_CENTRE).get("/api/v1/plans/" + plan + "/coverage").then()
                .statusCode(200).body("universe", equalTo(3)).body("formal.covered", equalTo(0))
                .body("effective.covered", equalTo(0)).body("uncovered", org.hamcrest.Matchers.hasSize(3))
                .body("uncovered[0].name", equalTo("中共浙江省委员会"));

        String inspectionA = "insp-" + UUID.randomUUID();
        String inspectionB = "insp-" + UUID.randomUUID();
        Fixture.other(FeedbackCoverageTopics.INSPECTION, "xunshi.inspection.InspectionStationed.v1", inspectionA);
        // Feedback whose date is not an ISO date cannot be applied: it is passed over and counted, not applied.
        String undated = "insp-" + UUID.randomUUID();
        Fixture.feedbackGiven(undated, plan, universe.get(2), "20 June 2024");
        Fixture.feedbackGiven(inspectionA, plan, a, "2024-06-20");
        Fixture.feedbackGiven(inspectionA, plan, a, "2024-06-20");
        Fixture.feedbackGiven(inspectionB, plan, b, "2024-06-21");
        await().atMost(WAIT).untilAsserted(() -> given().header("Authorization", OFFICE_CENTRE)
                .get("/api/v1/plans/" + plan + "/coverage").then().body("formal.covered", equalTo(2)));
        Response formal = coverage(plan);
        assertThat(formal.jsonPath().getDouble("formal.ratio")).isEqualTo(0.6667);
        assertThat(formal.jsonPath().getInt("effective.covered")).isZero();
        assertThat(formal.jsonPath().getList("uncovered.organisationId")).containsExactly(universe.get(2));
        assertThat(given().get("/q/metrics").then().statusCode(200).extract().asString()).containsPattern(
                "xunshi_projection_skipped_total\\{[^}]*projection=\"coverage-feedback\"[^}]*reason=\"unusable\"[^}]*}"
                        + " [1-9]");
        // ... and written to the projection's dead-letter topic, where an operator sees it.
        String operator = TestTokens.bearer(Role.OPERATOR, "000000");
        io.restassured.path.json.JsonPath letters = await().atMost(WAIT).until(
                () -> pageWithSubject(operator, "coverage-feedback", undated), java.util.Objects::nonNull);
        String letter = letters.getString("items.find { it.subject == '" + undated + "' }.id");
        assertThat(letters.getString("items.find { it.subject == '" + undated + "' }.reasonCode"))
                .isEqualTo("unusable");
        assertThat(letters.getBoolean("items.find { it.subject == '" + undated + "' }.redrivable")).isFalse();
        given().header("Authorization", operator).post("/api/v1/dead-letters/" + letter + "/redrive").then()
                .statusCode(409).body("detail", org.hamcrest.Matchers.containsString("rebuild"));
        assertThat(formal.jsonPath().getString("targets[0].inspectionId")).isEqualTo(inspectionA);
        assertThat(formal.jsonPath().getBoolean("targets[0].formallyCovered")).isTrue();

        Fixture.other(FeedbackCoverageTopics.RECTIFICATION, "xunshi.rectification.RectificationReportSubmitted.v1",
                "case-a");
        Fixture.evaluated("case-a-" + inspectionA, 4, inspectionA, plan, a, "EFFECTIVE", "2024-10-01");
        Fixture.evaluated("case-b-" + inspectionB, 4, inspectionB, plan, b, "NOT_EFFECTIVE", "2024-10-02");
        await().atMost(WAIT).untilAsserted(() -> given().header("Authorization", OFFICE_CENTRE)
                .get("/api/v1/plans/" + plan + "/coverage").then()
                .body("targets[1].evaluation", equalTo("NOT_EFFECTIVE")));
        Response effective = coverage(plan);
        assertThat(effective.jsonPath().getInt("effective.covered")).isEqualTo(1);
        assertThat(effective.jsonPath().getDouble("effective.ratio")).isEqualTo(0.3333);
        assertThat(effective.jsonPath().getBoolean("targets[0].effectivelyCovered")).isTrue();
        assertThat(effective.jsonPath().getBoolean("targets[1].effectivelyCovered")).isFalse();
        assertThat(effective.jsonPath().getBoolean("targets[1].formallyCovered")).isTrue();

        // A look-back inspection of b whose rectification is evaluated effective later covers it.
        String lookBack = "insp-" + UUID.randomUUID();
        Fixture.feedbackGiven(lookBack, plan, b, "2025-04-01");
        Fixture.evaluated("case-b2-" + lookBack, 4, lookBack, plan, b, "EFFECTIVE", "2025-09-01");
        await().atMost(WAIT).untilAsserted(() -> given().header("Authorization", OFFICE_CENTRE)
                .get("/api/v1/plans/" + plan + "/coverage").then().body("effective.covered", equalTo(2))
                .body("targets[1].inspectionId", equalTo(lookBack)));

        // A clean inspection of the third target leaves nothing to rectify: covered formally and effectively.
        String clean = "insp-" + UUID.randomUUID();
        Fixture.cleanFeedbackGiven(clean, plan, universe.get(2), "2025-05-01");
        await().atMost(WAIT).untilAsserted(() -> given().header("Authorization", OFFICE_CENTRE)
                .get("/api/v1/plans/" + plan + "/coverage").then().body("effective.covered", equalTo(3))
                .body("formal.covered", equalTo(3)).body("uncovered", org.hamcrest.Matchers.empty())
                .body("targets[2].effectivelyCovered", equalTo(true))
                .body("targets[2].evaluation", org.hamcrest.Matchers.nullValue()));

        given().header("Authorization", TestTokens.bearer(Role.AUDITOR, "000000"))
                .get("/api/v1/plans/" + plan + "/coverage").then().statusCode(200);
        given().header("Authorization", TestTokens.bearer(Role.TEAM_MEMBER, "000000"))
                .get("/api/v1/plans/" + plan + "/coverage").then().statusCode(403);
    }

    private static Response coverage(String plan) {
        return given().header("Authorization", OFFICE_CENTRE).get("/api/v1/plans/" + plan + "/coverage");
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** The topics planning reads coverage from. */
    static final class FeedbackCoverageTopics {

        static final String INSPECTION = "xunshi.inspection.events";
        static final String RECTIFICATION = "xunshi.rectification.events";
    }
}
