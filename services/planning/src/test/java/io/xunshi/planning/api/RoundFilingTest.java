package io.xunshi.planning.api;

import static io.restassured.RestAssured.given;
import static io.xunshi.planning.api.Fixture.OFFICE_CENTRE;
import static io.xunshi.planning.api.RoundAndCoverageTest.round;
import static io.xunshi.planning.api.RoundAndCoverageTest.schedule;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Map;

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

/** A province files its round's work plan with the Centre (报备); the Centre lists what its provinces filed. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class RoundFilingTest {

    static final String GUIZHOU = "520000";
    static final String OFFICE_GUIZHOU = TestTokens.bearer(Role.INSPECTION_OFFICE, GUIZHOU);

    @Inject
    Pool pool;

    private static Response file(String token, String roundId, String body) {
        return given().header("Authorization", token).contentType(ContentType.JSON).body(body)
                .post("/api/v1/rounds/" + roundId + "/filing");
    }

    @Test
    void a_provinces_round_is_filed_with_the_centre_once_and_the_centre_lists_it() {
        String centre = Fixture.centrePlan(pool);
        Fixture.jurisdictions(pool, Map.of(GUIZHOU, "贵州省"));
        String g1 = Fixture.organisation(pool, "贵州省某厅", "DEPARTMENT", GUIZHOU, GUIZHOU);
        String plan = Fixture.issue(OFFICE_GUIZHOU, Fixture.plan("贵州省委巡视工作规划", GUIZHOU, 2023, 2027, centre,
                List.of(g1))).then().statusCode(201).extract().path("id");
        String roundId = schedule(OFFICE_GUIZHOU, plan, round("REGULAR", "2025-03-01", "2025-04-30", "省委第一巡视组", g1))
                .then().statusCode(201).extract().path("id");

        file(TestTokens.bearer(Role.AUDITOR, GUIZHOU), roundId, "{\"workPlan\":\"方案\"}").then().statusCode(403);
        file(TestTokens.bearer(Role.INSPECTION_OFFICE, "440000"), roundId, "{\"workPlan\":\"方案\"}").then()
                .statusCode(404);
        file(OFFICE_GUIZHOU, roundId, "{\"filedOn\":\"2025-02-20\",\"workPlan\":\"巡视1家省直单位，聚焦主体责任\"}").then()
                .statusCode(200).body("filing.filedWith", equalTo("000000"))
                .body("filing.filedOn", equalTo("2025-02-20")).body("filing.workPlan", equalTo("巡视1家省直单位，聚焦主体责任"));
        file(OFFICE_GUIZHOU, roundId, "{\"workPlan\":\"再报\"}").then().statusCode(409)
                .body("code", equalTo("round-already-filed"));

        // the Centre sees what its provinces filed; a province cannot read the Centre's filings
        given().header("Authorization", OFFICE_CENTRE).get("/api/v1/round-filings").then().statusCode(200)
                .body("items.id", hasItem(roundId));
        given().header("Authorization", OFFICE_GUIZHOU).get("/api/v1/round-filings").then().statusCode(200)
                .body("items.id", not(hasItem(roundId)));
        given().header("Authorization", OFFICE_GUIZHOU).queryParam("filedWith", "000000").get("/api/v1/round-filings")
                .then().statusCode(403);
        // the Centre's own rounds have no level above
        String centreRound = schedule(OFFICE_CENTRE, centre, round("REGULAR", "2025-03-01", "2025-04-30", "中央第五巡视组",
                Fixture.centreUniverse(pool).get(1))).then().statusCode(201).extract().path("id");
        file(OFFICE_CENTRE, centreRound, "{\"workPlan\":\"方案\"}").then().statusCode(409)
                .body("code", equalTo("round-has-no-level-above"));
    }
}
