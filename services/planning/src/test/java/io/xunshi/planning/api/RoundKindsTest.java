package io.xunshi.planning.api;

import static io.restassured.RestAssured.given;
import static io.xunshi.planning.api.Fixture.OFFICE_CENTRE;
import static io.xunshi.planning.api.Fixture.WAIT;
import static io.xunshi.planning.api.RoundAndCoverageTest.round;
import static io.xunshi.planning.api.RoundAndCoverageTest.schedule;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.xunshi.kernel.security.Role;
import io.xunshi.testing.RealInfrastructureResource;
import io.xunshi.testing.TestTokens;

/**
 * The kinds of round over REST and Kafka, on Hainan (460000) and its city Haikou (460100): an elevated inspection
 * counts for the city's coverage, a look-back revisits only what was inspected and takes rectification's candidates,
 * special rounds keep to their theme and sector, mobile rounds are short, linked rounds are seen together.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class RoundKindsTest {

    static final String HAINAN = "460000";
    static final String HAIKOU = "460100";
    static final String OFFICE_HAINAN = TestTokens.bearer(Role.INSPECTION_OFFICE, HAINAN);
    static final String OFFICE_HAIKOU = TestTokens.bearer(Role.INSPECTION_OFFICE, HAIKOU);

    @Inject
    Pool pool;

    private static JsonPath coverage(String token, String plan) {
        return given().header("Authorization", token).get("/api/v1/plans/" + plan + "/coverage").then().statusCode(200)
                .extract().jsonPath();
    }

    @Test
    void each_kind_keeps_its_rules_and_elevated_and_look_back_inspections_count_where_they_should() {
        String centre = Fixture.centrePlan(pool);
        Fixture.jurisdictions(pool, Map.of(HAIKOU, "海口市"));
        String hn1 = Fixture.organisation(pool, "海南省某厅", "DEPARTMENT", HAINAN, HAINAN);
        String hn2 = Fixture.organisation(pool, "海南省某集团", "STATE_OWNED_ENTERPRISE", HAINAN, HAINAN);
        String hk1 = Fixture.organisation(pool, "海口市某局", "DEPARTMENT", HAIKOU, HAIKOU);
        String hainan = Fixture.issue(OFFICE_HAINAN, Fixture.plan("海南省委巡视工作规划", HAINAN, 2023, 2027, centre,
                List.of(hn1, hn2))).then().statusCode(201).extract().path("id");
        String haikou = Fixture.issue(OFFICE_HAIKOU, Fixture.plan("海口市委巡察工作规划", HAIKOU, 2023, 2027, hainan,
                List.of(hk1))).then().statusCode(201).extract().path("id");

        // ELEVATED (提级): the province inspects the city's organisation, which counts for the city's plan.
        schedule(OFFICE_HAINAN, hainan, round("ELEVATED", "2025-03-01", "2025-04-30", "省委提级巡视组", hn1)).then()
                .statusCode(422).body("code", equalTo("elevated-targets-not-below"));
        String elevated = schedule(OFFICE_HAINAN, hainan, round("ELEVATED", "2025-03-01", "2025-04-30", "省委提级巡视组",
                hk1)).then().statusCode(201).body("assignments[0].coveredPlanId", equalTo(haikou)).extract().path("id");
        String elevatedInspection = "insp-" + UUID.randomUUID();
        Fixture.feedbackGivenInRound(elevatedInspection, elevated, hainan, hk1, "2025-05-20");
        await().atMost(WAIT).until(() -> coverage(OFFICE_HAIKOU, haikou).getInt("formal.covered") == 1);
        Fixture.evaluated("case-" + elevatedInspection, 7, elevatedInspection, hainan, hk1, "EFFECTIVE", "2025-08-01");
        await().atMost(WAIT).until(() -> coverage(OFFICE_HAIKOU, haikou).getInt("effective.covered") == 1);
        // ... and not for the province's own plan, whose universe does not hold the city's organisation
        org.assertj.core.api.Assertions.assertThat(coverage(OFFICE_HAINAN, hainan).getInt("formal.covered"))
                .isZero();

        // LOOK_BACK (回头看): only what the plan inspected; rectification's candidates are listed with their round.
        String inspection = "insp-" + UUID.randomUUID();
        Fixture.feedbackGiven(inspection, hainan, hn1, "2025-06-10");
        Fixture.evaluated("case-" + inspection, 7, inspection, hainan, hn1, "NOT_EFFECTIVE", "2025-09-01");
        Fixture.lookBackCandidate("case-" + inspection, inspection, hainan, HAINAN, hn1, "2025-09-01");
        await().atMost(WAIT).until(() -> given().header("Authorization", OFFICE_HAINAN)
                .get("/api/v1/plans/" + hainan + "/look-back-candidates").jsonPath().getList("items").size() == 1);
        given().header("Authorization", OFFICE_HAINAN).get("/api/v1/plans/" + hainan + "/look-back-candidates").then()
                .body("items[0].organisationId", equalTo(hn1)).body("items[0].grade", equalTo("POOR"))
                .body("items[0].lookBackRoundId", nullValue());
        await().atMost(WAIT).until(() -> coverage(OFFICE_HAINAN, hainan).getInt("formal.covered") == 1);
        schedule(OFFICE_HAINAN, hainan, round("LOOK_BACK", "2026-03-01", "2026-04-30", "回头看组", hn1, "二组", hn2))
                .then().statusCode(422).body("code", equalTo("look-back-targets-not-inspected"))
                .body("errors[0].field", equalTo("assignments"));
        String lookBack = schedule(OFFICE_HAINAN, hainan, round("LOOK_BACK", "2026-03-01", "2026-04-30", "回头看组",
                hn1)).then().statusCode(201).extract().path("id");
        given().header("Authorization", OFFICE_HAINAN).get("/api/v1/plans/" + hainan + "/look-back-candidates").then()
                .body("items[0].lookBackRoundId", equalTo(lookBack));
        // Effective coverage stays unmet until the look-back's own rectification is judged effective.
        String again = "insp-" + UUID.randomUUID();
        Fixture.feedbackGivenInRound(again, lookBack, hainan, hn1, "2026-05-20");
        await().atMost(WAIT).until(() -> again.equals(coverage(OFFICE_HAINAN, hainan)
                .getString("targets.find { it.organisationId == '" + hn1 + "' }.inspectionId")));
        org.assertj.core.api.Assertions.assertThat(coverage(OFFICE_HAINAN, hainan).getInt("effective.covered"))
                .isZero();
        Fixture.evaluated("case-" + again, 7, again, hainan, hn1, "EFFECTIVE", "2026-08-01");
        await().atMost(WAIT).until(() -> coverage(OFFICE_HAINAN, hainan).getInt("effective.covered") == 1);

        // SPECIAL (专项) names its theme and may keep to one sector; MOBILE (机动) is short.
        schedule(OFFICE_HAINAN, hainan, round("SPECIAL", "2025-03-01", "2025-04-30", "专项组", hn2)).then()
                .statusCode(422).body("code", equalTo("theme-required"));
        String special = round("SPECIAL", "2025-03-01", "2025-04-30", "专项组", hn2, "二组", hk1);
        schedule(OFFICE_HAINAN, hainan, special.substring(0, special.length() - 1)
                + ",\"theme\":\"国有企业专项巡视\",\"sector\":\"STATE_OWNED_ENTERPRISE\"}").then().statusCode(422)
                .body("code", equalTo("targets-outside-sector"));
        String soe = round("SPECIAL", "2025-03-01", "2025-04-30", "专项组", hn2);
        schedule(OFFICE_HAINAN, hainan, soe.substring(0, soe.length() - 1)
                + ",\"theme\":\"国有企业专项巡视\",\"sector\":\"STATE_OWNED_ENTERPRISE\"}").then().statusCode(201)
                .body("theme", equalTo("国有企业专项巡视")).body("sector", equalTo("STATE_OWNED_ENTERPRISE"));
        schedule(OFFICE_HAINAN, hainan, round("MOBILE", "2025-03-01", "2025-03-31", "机动组", hk1)).then()
                .statusCode(422).body("code", equalTo("mobile-window-too-long"));

        // LINKED (联动): the province's linked round names the Centre's; the Centre sees them together.
        String centreLinked = schedule(OFFICE_CENTRE, centre, round("LINKED", "2025-03-01", "2025-04-30", "中央联动组",
                Fixture.centreUniverse(pool).get(0))).then().statusCode(201).extract().path("id");
        String linked = round("LINKED", "2025-03-01", "2025-04-30", "省委联动组", hn2);
        String provinceLinked = schedule(OFFICE_HAINAN, hainan, linked.substring(0, linked.length() - 1)
                + ",\"linkedRoundId\":\"" + centreLinked + "\"}").then().statusCode(201)
                .body("linkedRoundId", equalTo(centreLinked)).extract().path("id");
        schedule(OFFICE_HAINAN, hainan, linked.substring(0, linked.length() - 1) + ",\"linkedRoundId\":\""
                + elevated + "\"}").then().statusCode(422).body("code", equalTo("linked-round-not-above"));
        given().header("Authorization", OFFICE_CENTRE).get("/api/v1/rounds/" + centreLinked + "/linked-rounds").then()
                .statusCode(200).body("items.id", contains(provinceLinked));
        given().header("Authorization", OFFICE_HAINAN).get("/api/v1/rounds/" + centreLinked + "/linked-rounds").then()
                .statusCode(404);
    }
}
