package io.xunshi.coordination.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.xunshi.contracts.EventCatalog;
import io.xunshi.contracts.inspection.InspectionClosed;
import io.xunshi.contracts.inspection.InspectionOpened;
import io.xunshi.contracts.planning.RoundKind;
import io.xunshi.contracts.rectification.EvaluationOutcome;
import io.xunshi.contracts.rectification.RectificationCaseOpened;
import io.xunshi.contracts.rectification.RectificationEvaluated;
import io.xunshi.contracts.rectification.RectificationReportSubmitted;
import io.xunshi.kernel.security.Role;
import io.xunshi.testing.CloudEventsOnKafka;
import io.xunshi.testing.RealInfrastructureResource;
import io.xunshi.testing.TestTokens;

/**
 * Roll-ups from the inspection and rectification services' events, published here on their topics as
 * those services' outbox relays would (CloudEvents binary mode), counted by the inspecting jurisdiction.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class RollUpTest {

    static final String CENTRE_OFFICE = TestTokens.bearer(Role.INSPECTION_OFFICE, "000000");
    static final String ZHEJIANG_OFFICE = TestTokens.bearer(Role.INSPECTION_OFFICE, "330000");
    static final String ZHEJIANG_AUDITOR = TestTokens.bearer(Role.AUDITOR, "330000");

    private static boolean published;
    private static JsonPath centreBefore;

    /** What the Centre's roll-up counted at {@code path} before this test's records (0 where it had none). */
    private static int before(String path) {
        Integer value = centreBefore.get(path);
        return value == null ? 0 : value;
    }

    private static String child(String code) {
        return "children.find { it.code == '" + code + "' }";
    }

    /** One record as another service's relay writes it. */
    record Sent(String topic, String subject, String jurisdiction, String aggregateType, int version, Object payload,
            UUID id) {
    }

    @BeforeAll
    static void reset() {
        published = false;
    }

    private static String ceType(Class<?> record) {
        return EventCatalog.entries().stream().filter(e -> e.record().equals(record)).findFirst().orElseThrow()
                .cloudEventType();
    }

    /** Sends the records in order and waits until the broker has acknowledged every one. */
    private static void publish(List<Sent> records) {
        try (CloudEventsOnKafka kafka = new CloudEventsOnKafka()) {
            for (Sent s : records) {
                kafka.send(s.topic(), CloudEventsOnKafka.event(ceType(s.payload().getClass()), s.subject()).id(s.id())
                        .jurisdiction(s.jurisdiction()).aggregateType(s.aggregateType()).version(s.version())
                        .data(s.payload()));
            }
        }
    }

    private static Sent opened(String id, String jurisdiction) {
        return new Sent("xunshi.inspection.events", id, jurisdiction, "Inspection", 1, new InspectionOpened(id,
                "round-1", "plan-1", jurisdiction, RoundKind.REGULAR, "第一巡视组", "org-" + id, "某单位",
                jurisdiction, jurisdiction, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 5, 1)), UUID.randomUUID());
    }

    private static Sent closed(String id, String jurisdiction, int version) {
        return new Sent("xunshi.inspection.events", id, jurisdiction, "Inspection", version,
                new InspectionClosed(id, LocalDate.of(2026, 7, 1)), UUID.randomUUID());
    }

    private static Sent caseOpened(String id, String jurisdiction) {
        return new Sent("xunshi.rectification.events", id, jurisdiction, "RectificationCase", 1,
                new RectificationCaseOpened(id, "insp-" + id, "round-1", "plan-1", jurisdiction, "org-" + id, "某单位",
                        jurisdiction, jurisdiction, "张三", LocalDate.of(2026, 6, 1), LocalDate.of(2026, 8, 1),
                        List.of()),
                UUID.randomUUID());
    }

    private static Sent submitted(String id, String jurisdiction, int version) {
        return new Sent("xunshi.rectification.events", id, jurisdiction, "RectificationCase", version,
                new RectificationReportSubmitted(id, LocalDate.of(2026, 7, 20), "整改报告", true, null),
                UUID.randomUUID());
    }

    private static Sent evaluated(String id, String jurisdiction, int version, EvaluationOutcome outcome) {
        return new Sent("xunshi.rectification.events", id, jurisdiction, "RectificationCase", version,
                new RectificationEvaluated(id, "insp-" + id, "plan-1", "org-" + id, outcome, LocalDate.of(2026, 9, 1),
                        "评估意见", null, null, null, null),
                UUID.randomUUID());
    }

    private synchronized void publishOnce() throws Exception {
        if (published) {
            return;
        }
        // Other tests of this service may have counted inspections of their own (the access matrix counts one
        // of Qinghai's): the Centre's figures are checked against what it counted before these records.
        centreBefore = given().header("Authorization", CENTRE_OFFICE).get("/api/v1/jurisdictions/000000/roll-up")
                .then().statusCode(200).extract().jsonPath();
        String run = UUID.randomUUID().toString().substring(0, 8);
        Sent centreRun = opened("centre-" + run, "000000");
        Sent zjRedelivered = opened("zj-a-" + run, "330000");
        List<Sent> records = new ArrayList<>(List.of(
                centreRun,
                zjRedelivered,
                opened("zj-b-" + run, "330000"),
                closed("zj-b-" + run, "330000", 6),
                opened("hz-" + run, "330100"),
                opened("gd-" + run, "440000"),
                // The relay delivers at least once: the same event again changes nothing.
                zjRedelivered,
                caseOpened("case-b-" + run, "330000"),
                submitted("case-b-" + run, "330000", 2),
                evaluated("case-b-" + run, "330000", 3, EvaluationOutcome.EFFECTIVE),
                caseOpened("case-c-" + run, "330000"),
                submitted("case-c-" + run, "330000", 2),
                evaluated("case-c-" + run, "330000", 3, EvaluationOutcome.NOT_EFFECTIVE),
                caseOpened("case-d-" + run, "330100"),
                caseOpened("case-e-" + run, "440000"),
                submitted("case-e-" + run, "440000", 2),
                // Evaluated as not effective, then a new report: it awaits evaluation again.
                caseOpened("case-f-" + run, "330000"),
                submitted("case-f-" + run, "330000", 2),
                evaluated("case-f-" + run, "330000", 3, EvaluationOutcome.NOT_EFFECTIVE),
                submitted("case-f-" + run, "330000", 4)));
        publish(records);
        published = true;
    }

    @Test
    void a_province_counts_its_own_and_its_cities_inspections_and_cases() throws Exception {
        publishOnce();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().header("Authorization", ZHEJIANG_OFFICE)
                .get("/api/v1/jurisdictions/330000/roll-up").then().statusCode(200)
                .body("code", equalTo("330000")).body("name", equalTo("浙江省"))
                .body("inspections.total", equalTo(3)).body("inspections.open", equalTo(2))
                .body("inspections.closed", equalTo(1))
                .body("rectifications.total", equalTo(4)).body("rectifications.awaitingReport", equalTo(1))
                .body("rectifications.awaitingEvaluation", equalTo(1)).body("rectifications.effective", equalTo(1))
                .body("rectifications.notEffective", equalTo(1))
                .body("children.code", equalTo(List.of("330100")))
                .body("children[0].name", equalTo("杭州市"))
                .body("children[0].inspections.total", equalTo(1)).body("children[0].inspections.open", equalTo(1))
                .body("children[0].rectifications.total", equalTo(1))
                .body("children[0].rectifications.awaitingReport", equalTo(1)));
        given().header("Authorization", ZHEJIANG_AUDITOR).get("/api/v1/jurisdictions/330100/roll-up").then()
                .statusCode(200).body("inspections.total", equalTo(1)).body("children.size()", equalTo(0));
    }

    @Test
    void the_centre_counts_everything_and_lists_the_provinces_with_counts() throws Exception {
        publishOnce();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().header("Authorization", CENTRE_OFFICE)
                .get("/api/v1/jurisdictions/000000/roll-up").then().statusCode(200)
                .body("name", equalTo("中央"))
                .body("inspections.total", equalTo(before("inspections.total") + 5))
                .body("inspections.open", equalTo(before("inspections.open") + 4))
                .body("inspections.closed", equalTo(before("inspections.closed") + 1))
                .body("rectifications.total", equalTo(before("rectifications.total") + 5))
                .body("rectifications.awaitingReport", equalTo(before("rectifications.awaitingReport") + 1))
                .body("rectifications.awaitingEvaluation", equalTo(before("rectifications.awaitingEvaluation") + 2))
                .body("rectifications.effective", equalTo(before("rectifications.effective") + 1))
                .body("rectifications.notEffective", equalTo(before("rectifications.notEffective") + 1))
                .body("children.code", hasItems("330000", "440000"))
                .body(child("330000") + ".inspections.total",
                        equalTo(before(child("330000") + ".inspections.total") + 3))
                .body(child("440000") + ".inspections.total",
                        equalTo(before(child("440000") + ".inspections.total") + 1))
                .body(child("440000") + ".rectifications.awaitingEvaluation",
                        equalTo(before(child("440000") + ".rectifications.awaitingEvaluation") + 1)));
    }

    @Test
    void a_provincial_caller_cannot_see_another_province_or_the_centre() {
        given().header("Authorization", ZHEJIANG_OFFICE).get("/api/v1/jurisdictions/440000/roll-up").then()
                .statusCode(404).contentType("application/problem+json");
        given().header("Authorization", ZHEJIANG_OFFICE).get("/api/v1/jurisdictions/000000/roll-up").then()
                .statusCode(404).contentType("application/problem+json");
        given().header("Authorization", ZHEJIANG_OFFICE).get("/api/v1/jurisdictions/339999/roll-up").then()
                .statusCode(404);
        given().header("Authorization", ZHEJIANG_OFFICE).get("/api/v1/jurisdictions/33/roll-up").then()
                .statusCode(400);
    }
}
