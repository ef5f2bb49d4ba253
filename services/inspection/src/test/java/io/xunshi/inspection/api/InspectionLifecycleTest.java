package io.xunshi.inspection.api;

import static io.restassured.RestAssured.given;
import static io.xunshi.inspection.InspectionFixtures.FINDING;
import static io.xunshi.inspection.InspectionFixtures.INSPECTION_TOPIC;
import static io.xunshi.inspection.InspectionFixtures.LEADER_ZJ;
import static io.xunshi.inspection.InspectionFixtures.MEMBER_ZJ;
import static io.xunshi.inspection.InspectionFixtures.OFFICE_ZJ;
import static io.xunshi.inspection.InspectionFixtures.WAIT;
import static io.xunshi.inspection.InspectionFixtures.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

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
import io.xunshi.contracts.planning.RoundLaunched;
import io.xunshi.inspection.InspectionFixtures;
import io.xunshi.inspection.domain.Inspection;
import io.xunshi.kernel.security.Role;
import io.xunshi.testing.KafkaTopicReader;
import io.xunshi.testing.RealInfrastructureResource;

@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class InspectionLifecycleTest {

    @Inject
    ObjectMapper json;

    @Inject
    Pool pool;

    private long events() {
        return pool.query("SELECT count(*) AS n FROM events").executeAndAwait().iterator().next().getLong("n");
    }

    @Test
    void a_launched_inspection_runs_its_lifecycle_over_rest_and_publishes_every_step() throws Exception {
        RoundLaunched launch = InspectionFixtures.zhejiangRound();
        InspectionFixtures.publish(launch, UUID.randomUUID());
        InspectionFixtures.awaitListed(launch.roundId(), 2);
        String organisation = launch.assignments().get(0).organisationId();
        String id = InspectionFixtures.listedFor(launch.roundId()).jsonPath()
                .getString("items.find { it.organisationId == '" + organisation + "' }.inspectionId");
        assertThat(id).isEqualTo(Inspection.idFor(launch.roundId(), organisation));
        // Its team is formed before the stationing; the tests' team tokens are in it. Forming it writes nothing
        // to the inspection itself: its version stays 1.
        InspectionFixtures.withTeam(id);

        given().header("Authorization", LEADER_ZJ).header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body("{\"stationedOn\":\"2026-03-02\"}").post("/api/v1/inspections/" + id + "/stationing")
                .then().statusCode(200).header("ETag", "\"2\"").body("status", equalTo("STATIONED"))
                .body("stationedOn", equalTo("2026-03-02"));
        Response first = post(MEMBER_ZJ, id, "findings", FINDING);
        first.then().statusCode(201).header("ETag", "\"3\"")
                .header("Location", startsWith("/api/v1/inspections/" + id + "/findings/"))
                .body("inspectionId", equalTo(id)).body("focusArea", equalTo("GOVERNANCE_RESPONSIBILITY"))
                .body("severity", equalTo("SERIOUS")).body("involvesTopLeader", equalTo(true))
                .body("evidence", contains("谈话记录 12")).body("version", equalTo(3));
        String firstFinding = first.jsonPath().getString("findingId");
        assertThat(first.header("Location")).endsWith("/findings/" + firstFinding);
        String secondFinding = post(LEADER_ZJ, id, "findings", "{\"focusArea\":\"ORGANISATIONAL_LINE\","
                + "\"description\":\"选人用人把关不严\",\"severity\":\"GENERAL\"}").then().statusCode(201)
                .body("common", equalTo(false)).body("evidence", hasSize(0))
                .extract().path("findingId");
        given().header("Authorization", InspectionFixtures.token(Role.AUDITOR, "330000"))
                .get(first.header("Location")).then().statusCode(200)
                .body("findingId", equalTo(firstFinding)).body("description", equalTo("主体责任落实不到位"));

        // Working papers: the report waits for the leader's review of each. The first is approved; the second,
        // without the rule it breaks, is not, goes back with a reason, is revised by a member and approved.
        illegal(() -> post(LEADER_ZJ, id, "report", "{\"summary\":\"x\"}"), Inspection.FINDINGS_AWAITING_REVIEW);
        String firstPaper = "findings/" + firstFinding + "/review";
        String secondPaper = "findings/" + secondFinding + "/review";
        post(LEADER_ZJ, id, firstPaper, InspectionFixtures.APPROVE).then().statusCode(200).header("ETag", "\"5\"")
                .body("review", equalTo("APPROVED")).body("approvedBy", equalTo("user-team-leader-330000"))
                .body("approvedOn", equalTo("2026-03-20")).body("rule", equalTo("《中国共产党问责条例》第七条"));
        post(LEADER_ZJ, id, secondPaper, InspectionFixtures.APPROVE).then().statusCode(422)
                .body("code", equalTo(Inspection.WORKING_PAPER_INCOMPLETE));
        post(LEADER_ZJ, id, secondPaper, "{\"decision\":\"SEND_BACK\"}").then().statusCode(422);
        post(MEMBER_ZJ, id, secondPaper, InspectionFixtures.SEND_BACK).then().statusCode(403);
        post(LEADER_ZJ, id, secondPaper, InspectionFixtures.SEND_BACK).then().statusCode(200)
                .body("review", equalTo("SENT_BACK")).body("sentBackFor", equalTo("证据不足"));
        illegal(() -> post(LEADER_ZJ, id, secondPaper, InspectionFixtures.APPROVE),
                Inspection.FINDING_NOT_AWAITING_REVIEW);
        post(MEMBER_ZJ, id, "findings/" + secondFinding + "/revision", "{\"focusArea\":\"ORGANISATIONAL_LINE\","
                + "\"description\":\"选人用人把关不严\",\"severity\":\"GENERAL\",\"evidence\":[\"干部档案\"],"
                + "\"rule\":\"《党政领导干部选拔任用工作条例》\",\"responsible\":\"组织部部长\"}").then().statusCode(200)
                .body("review", equalTo("AWAITING_REVIEW")).body("evidence", contains("干部档案"));
        post(LEADER_ZJ, id, "findings/no-such-finding/review", InspectionFixtures.APPROVE).then().statusCode(404);
        post(LEADER_ZJ, id, secondPaper, InspectionFixtures.APPROVE).then().statusCode(200).header("ETag", "\"8\"");

        post(LEADER_ZJ, id, "report", "{\"reportedOn\":\"2026-05-10\",\"summary\":\"发现问题两个\"}")
                .then().statusCode(200).header("ETag", "\"9\"").body("status", equalTo("REPORTED"))
                .body("summary", equalTo("发现问题两个"));
        post(OFFICE_ZJ, id, "feedback", "{\"givenOn\":\"2026-06-15\",\"organisationHead\":\"王五\"}")
                .then().statusCode(200).body("status", equalTo("FEEDBACK_GIVEN"))
                .body("organisationHead", equalTo("王五")).body("feedbackOn", equalTo("2026-06-15"));
        post(OFFICE_ZJ, id, "close", "{\"closedOn\":\"2026-06-30\"}")
                .then().statusCode(200).header("ETag", "\"11\"").body("status", equalTo("CLOSED"));

        given().header("Authorization", MEMBER_ZJ).get("/api/v1/inspections/" + id).then().statusCode(200)
                .header("ETag", "\"11\"")
                .body("status", equalTo("CLOSED")).body("closedOn", equalTo("2026-06-30"))
                .body("reportedOn", equalTo("2026-05-10"))
                .body("findings.findingId", contains(firstFinding, secondFinding))
                .body("version", equalTo(11));

        List<ConsumerRecord<String, String>> published = KafkaTopicReader.readUntil(bootstrap(), INSPECTION_TOPIC,
                r -> id.equals(r.key()) && "xunshi.inspection.InspectionClosed.v1".equals(header(r, "ce_type")), WAIT);
        List<ConsumerRecord<String, String>> mine = published.stream().filter(r -> id.equals(r.key())).toList();
        assertThat(mine).extracting(r -> header(r, "ce_type")).containsExactly(
                "xunshi.inspection.InspectionOpened.v1", "xunshi.inspection.InspectionStationed.v1",
                "xunshi.inspection.FindingRecorded.v1", "xunshi.inspection.FindingRecorded.v1",
                "xunshi.inspection.FindingApproved.v1", "xunshi.inspection.FindingRejected.v1",
                "xunshi.inspection.FindingRevised.v1", "xunshi.inspection.FindingApproved.v1",
                "xunshi.inspection.InspectionReported.v1", "xunshi.inspection.FeedbackGiven.v1",
                "xunshi.inspection.InspectionClosed.v1");
        JsonNode feedback = json.readTree(mine.get(9).value());
        assertThat(feedback.get("findings")).hasSize(2);
        assertThat(feedback.get("findings").get(0).get("findingId").asText()).isEqualTo(firstFinding);
        assertThat(feedback.get("findings").get(1).get("focusArea").asText()).isEqualTo("ORGANISATIONAL_LINE");
        assertThat(feedback.get("organisationHead").asText()).isEqualTo("王五");
        assertThat(feedback.get("roundId").asText()).isEqualTo(launch.roundId());
        assertThat(feedback.get("planId").asText()).isEqualTo(launch.planId());
        assertThat(feedback.get("organisationLocation").asText()).isEqualTo("330100");
        assertThat(feedback.get("givenOn").asText()).isEqualTo("2026-06-15");
        assertThat(json.readTree(mine.get(8).value()).get("findings").asInt()).isEqualTo(2);
        assertThat(header(mine.get(10), "ce_jurisdiction")).isEqualTo("330000");

        await().atMost(WAIT).until(() -> "CLOSED".equals(given().header("Authorization", OFFICE_ZJ)
                .queryParam("roundId", launch.roundId()).queryParam("status", "CLOSED").get("/api/v1/inspections")
                .jsonPath().getString("items[0].status")));
        given().header("Authorization", OFFICE_ZJ).queryParam("roundId", launch.roundId())
                .queryParam("status", "CLOSED").get("/api/v1/inspections").then()
                .body("items", hasSize(1)).body("items[0].findings", equalTo(2)).body("items[0].version", equalTo(11));
    }

    @Test
    void each_step_out_of_order_is_a_409_with_a_stable_type_and_code_and_writes_nothing() {
        String preparing = InspectionFixtures.inStatus(Inspection.Status.PREPARING);
        illegal(() -> post(MEMBER_ZJ, preparing, "findings", FINDING), Inspection.NOT_STATIONED);
        illegal(() -> post(LEADER_ZJ, preparing, "report", "{\"summary\":\"x\"}"), Inspection.NOT_STATIONED);
        illegal(() -> post(LEADER_ZJ, preparing, "feedback", "{\"organisationHead\":\"x\"}"), Inspection.NOT_REPORTED);
        illegal(() -> post(OFFICE_ZJ, preparing, "close", null), Inspection.FEEDBACK_NOT_GIVEN);

        String stationed = InspectionFixtures.inStatus(Inspection.Status.STATIONED);
        illegal(() -> post(OFFICE_ZJ, stationed, "stationing", "{}"), Inspection.NOT_PREPARING);

        String reported = InspectionFixtures.inStatus(Inspection.Status.REPORTED);
        illegal(() -> post(MEMBER_ZJ, reported, "findings", FINDING), Inspection.NOT_STATIONED);
        illegal(() -> post(LEADER_ZJ, reported, "report", "{\"summary\":\"again\"}"), Inspection.NOT_STATIONED);

        String closed = InspectionFixtures.inStatus(Inspection.Status.CLOSED);
        illegal(() -> post(OFFICE_ZJ, closed, "close", null), Inspection.FEEDBACK_NOT_GIVEN);
        illegal(() -> post(LEADER_ZJ, closed, "feedback", "{\"organisationHead\":\"x\"}"), Inspection.NOT_REPORTED);
    }

    private void illegal(Supplier<Response> call, String code) {
        long before = events();
        call.get().then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:xunshi:problem:illegal-state")).body("code", equalTo(code));
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void a_clean_inspection_without_findings_is_reported_and_fed_back_with_no_findings() {
        String id = InspectionFixtures.inStatus(Inspection.Status.STATIONED);
        post(LEADER_ZJ, id, "report", "{\"summary\":\"未发现问题\"}").then().statusCode(200)
                .body("status", equalTo("REPORTED")).body("findings", hasSize(0));
        post(LEADER_ZJ, id, "feedback", "{\"organisationHead\":\"赵六\"}").then().statusCode(200)
                .body("status", equalTo("FEEDBACK_GIVEN")).body("feedbackOn", equalTo(
                        java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString()));
    }

    @Test
    void a_stale_if_match_is_412_and_writes_nothing() {
        String id = InspectionFixtures.inStatus(Inspection.Status.STATIONED);
        long before = events();
        given().header("Authorization", MEMBER_ZJ).header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body(FINDING).post("/api/v1/inspections/" + id + "/findings")
                .then().statusCode(412).contentType("application/problem+json")
                .body("type", equalTo("urn:xunshi:problem:precondition-failed"));
        assertThat(events()).isEqualTo(before);
        given().header("Authorization", MEMBER_ZJ).header("If-Match", "\"2\"").contentType(ContentType.JSON)
                .body(FINDING).post("/api/v1/inspections/" + id + "/findings")
                .then().statusCode(201).header("ETag", "\"3\"");
    }

    @Test
    void a_retried_finding_with_the_same_idempotency_key_is_recorded_once() {
        String id = InspectionFixtures.inStatus(Inspection.Status.STATIONED);
        String key = "finding-" + UUID.randomUUID();
        Response first = given().header("Authorization", MEMBER_ZJ).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(FINDING).post("/api/v1/inspections/" + id + "/findings");
        Response retry = given().header("Authorization", MEMBER_ZJ).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(FINDING).post("/api/v1/inspections/" + id + "/findings");

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.jsonPath().getString("findingId")).isEqualTo(first.jsonPath().getString("findingId"));
        given().header("Authorization", MEMBER_ZJ).get("/api/v1/inspections/" + id).then()
                .body("findings", hasSize(1));
    }

    @Test
    void a_date_before_the_previous_step_is_422_on_that_field() {
        String id = InspectionFixtures.inStatus(Inspection.Status.STATIONED);
        post(LEADER_ZJ, id, "report", "{\"reportedOn\":\"2026-03-01\",\"summary\":\"x\"}").then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:xunshi:problem:validation-failed"))
                .body("code", equalTo(Inspection.DATE_OUT_OF_ORDER)).body("errors.field", hasItem("reportedOn"));
    }

    @Test
    void an_inspection_of_another_province_is_404_to_read_and_to_change() {
        String id = InspectionFixtures.inStatus(Inspection.Status.PREPARING);
        String jiangsu = InspectionFixtures.token(Role.INSPECTION_OFFICE, InspectionFixtures.JIANGSU);
        given().header("Authorization", jiangsu).get("/api/v1/inspections/" + id).then().statusCode(404)
                .body("type", equalTo("urn:xunshi:problem:not-found"));
        long before = events();
        post(jiangsu, id, "stationing", "{}").then().statusCode(404);
        assertThat(events()).isEqualTo(before);
        given().header("Authorization", jiangsu).get("/api/v1/inspections").then().statusCode(200)
                .body("items.inspectionId", org.hamcrest.Matchers.not(hasItem(id)));
        given().header("Authorization", jiangsu).queryParam("jurisdiction", "330000").get("/api/v1/inspections")
                .then().statusCode(403);
    }

    @Test
    void lists_page_through_a_rounds_inspections_and_filter_by_status() {
        RoundLaunched launch = InspectionFixtures.zhejiangRound();
        InspectionFixtures.opened(launch);
        InspectionFixtures.awaitListed(launch.roundId(), 2);

        Response first = given().header("Authorization", OFFICE_ZJ).queryParam("roundId", launch.roundId())
                .queryParam("limit", 1).get("/api/v1/inspections");
        first.then().statusCode(200).body("items", hasSize(1));
        String next = first.jsonPath().getString("next");
        assertThat(next).isNotNull();
        Response second = given().header("Authorization", OFFICE_ZJ).queryParam("roundId", launch.roundId())
                .queryParam("limit", 1).queryParam("cursor", next).get("/api/v1/inspections");
        second.then().statusCode(200).body("items", hasSize(1));
        assertThat(second.jsonPath().getString("next")).isNull();
        assertThat(List.of(first.jsonPath().getString("items[0].inspectionId"),
                second.jsonPath().getString("items[0].inspectionId"))).containsExactlyInAnyOrder(
                        Inspection.idFor(launch.roundId(), launch.assignments().get(0).organisationId()),
                        Inspection.idFor(launch.roundId(), launch.assignments().get(1).organisationId()));
        given().header("Authorization", OFFICE_ZJ).queryParam("roundId", launch.roundId())
                .queryParam("status", "STATIONED").get("/api/v1/inspections").then().body("items", hasSize(0));
        given().header("Authorization", OFFICE_ZJ).queryParam("planId", launch.planId())
                .queryParam("limit", 200).get("/api/v1/inspections").then()
                .body("items.roundId", hasItem(launch.roundId()));
    }

    private static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
