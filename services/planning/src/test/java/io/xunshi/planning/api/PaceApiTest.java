package io.xunshi.planning.api;

import static io.restassured.RestAssured.given;
import static io.xunshi.planning.api.RoundAndCoverageTest.round;
import static io.xunshi.planning.api.RoundAndCoverageTest.schedule;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.xunshi.kernel.security.Role;
import io.xunshi.testing.RealInfrastructureResource;
import io.xunshi.testing.TestTokens;

/** A plan's pace over REST, from its rounds and the feedback planning follows. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class PaceApiTest {

    static final String TIBET = "540000";
    static final String OFFICE_TIBET = TestTokens.bearer(Role.INSPECTION_OFFICE, TIBET);

    @Inject
    Pool pool;

    @Test
    void the_pace_counts_covered_organisations_per_launched_round_and_blocks_by_kind() {
        String centre = Fixture.centrePlan(pool);
        Fixture.jurisdictions(pool, Map.of(TIBET, "西藏自治区"));
        String d1 = Fixture.organisation(pool, "西藏某厅", "DEPARTMENT", TIBET, TIBET);
        String d2 = Fixture.organisation(pool, "西藏某局", "DEPARTMENT", TIBET, TIBET);
        String e1 = Fixture.organisation(pool, "西藏某集团", "STATE_OWNED_ENTERPRISE", TIBET, TIBET);
        String plan = Fixture.issue(OFFICE_TIBET, Fixture.plan("西藏自治区党委巡视工作规划", TIBET, 2023, 2027, centre,
                List.of(d1, d2, e1))).then().statusCode(201).extract().path("id");
        given().header("Authorization", OFFICE_TIBET).get("/api/v1/plans/" + plan + "/pace").then().statusCode(200)
                .body("universe", equalTo(3)).body("covered", equalTo(0)).body("roundsLaunched", equalTo(0))
                .body("reachable", equalTo(null));

        String roundId = schedule(OFFICE_TIBET, plan, round("REGULAR", "2025-03-01", "2025-04-30", "区党委第一巡视组", d1))
                .then().statusCode(201).extract().path("id");
        given().header("Authorization", OFFICE_TIBET).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/rounds/" + roundId + "/launch").then().statusCode(200);
        Fixture.feedbackGivenInRound("insp-" + UUID.randomUUID(), roundId, plan, d1, "2025-06-10");
        await().atMost(Fixture.WAIT).until(() -> given().header("Authorization", OFFICE_TIBET)
                .get("/api/v1/plans/" + plan + "/pace").jsonPath().getInt("covered") == 1);
        given().header("Authorization", OFFICE_TIBET).get("/api/v1/plans/" + plan + "/pace").then().statusCode(200)
                .body("roundsLaunched", equalTo(1)).body("perRound", equalTo(1.0f)).body("remaining", equalTo(2))
                .body("roundsNeeded", equalTo(2)).body("blocks", hasSize(2))
                .body("blocks.find { it.kind == 'DEPARTMENT' }.covered", equalTo(1))
                .body("blocks.find { it.kind == 'STATE_OWNED_ENTERPRISE' }.remaining", equalTo(1));
        given().header("Authorization", TestTokens.bearer(Role.INSPECTION_OFFICE, "440000"))
                .get("/api/v1/plans/" + plan + "/pace").then().statusCode(404);
    }
}
