package io.xunshi.planning.api;

import static io.restassured.RestAssured.given;
import static io.xunshi.planning.api.RoundAndCoverageTest.round;
import static io.xunshi.planning.api.RoundAndCoverageTest.schedule;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

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

/** A plan revised during its term over REST: the universe, its coverage and its regular rounds follow the revision. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class PlanRevisionTest {

    static final String YUNNAN = "530000";
    static final String KUNMING = "530100";
    static final String OFFICE_YUNNAN = TestTokens.bearer(Role.INSPECTION_OFFICE, YUNNAN);

    @Inject
    Pool pool;

    private static Response revise(String token, String plan, String ifMatch, String body) {
        var request = given().header("Authorization", token).contentType(ContentType.JSON).body(body);
        if (ifMatch != null) {
            request = request.header("If-Match", ifMatch);
        }
        return request.post("/api/v1/plans/" + plan + "/revisions");
    }

    @Test
    void organisations_join_and_leave_the_universe_with_their_reasons_and_coverage_and_rounds_follow() {
        String centre = Fixture.centrePlan(pool);
        Fixture.jurisdictions(pool, Map.of(YUNNAN, "云南省", KUNMING, "昆明市"));
        String y1 = Fixture.organisation(pool, "云南省某厅", "DEPARTMENT", YUNNAN, YUNNAN);
        String y2 = Fixture.organisation(pool, "云南省某局", "DEPARTMENT", YUNNAN, YUNNAN);
        String y3 = Fixture.organisation(pool, "云南省数据局", "DEPARTMENT", YUNNAN, YUNNAN);
        String k1 = Fixture.organisation(pool, "昆明市某局", "DEPARTMENT", KUNMING, KUNMING);
        String plan = Fixture.issue(OFFICE_YUNNAN, Fixture.plan("云南省委巡视工作规划", YUNNAN, 2023, 2027, centre,
                List.of(y1, y2))).then().statusCode(201).extract().path("id");

        revise(OFFICE_YUNNAN, plan, "\"1\"", "{\"revisedOn\":\"2025-03-01\",\"joined\":[{\"organisationId\":\"" + y3
                + "\",\"reason\":\"NEW_UNIT\",\"note\":\"新设省数据局\"}],\"left\":[{\"organisationId\":\"" + y2
                + "\",\"reason\":\"MERGED\",\"note\":\"并入省某厅\"}]}").then().statusCode(200).header("ETag", "\"2\"")
                .body("universe", contains(y1, y3)).body("universeSize", equalTo(2))
                .body("revisions[0].revision", equalTo(1)).body("revisions[0].left[0].reason", equalTo("MERGED"))
                .body("revisions[0].joined[0].note", equalTo("新设省数据局"));
        // a stale ETag, a foreign organisation, one not in the universe, another province's office
        revise(OFFICE_YUNNAN, plan, "\"1\"", "{\"left\":[{\"organisationId\":\"" + y1 + "\",\"reason\":\"MERGED\"}]}")
                .then().statusCode(412);
        revise(OFFICE_YUNNAN, plan, null,
                "{\"joined\":[{\"organisationId\":\"" + k1 + "\",\"reason\":\"MOVED_LEVEL\"}]}")
                .then().statusCode(422).body("code", equalTo("universe-foreign-organisations"))
                .body("errors[0].field", equalTo("joined"));
        revise(OFFICE_YUNNAN, plan, null, "{\"left\":[{\"organisationId\":\"" + y2 + "\",\"reason\":\"DISSOLVED\"}]}")
                .then().statusCode(422).body("code", equalTo("not-in-universe"));
        revise(OFFICE_YUNNAN, plan, null, "{\"revisedOn\":\"2031-01-01\",\"left\":[{\"organisationId\":\"" + y1
                + "\",\"reason\":\"DISSOLVED\"}]}").then().statusCode(422)
                .body("code", equalTo("revision-outside-term"));
        revise(TestTokens.bearer(Role.INSPECTION_OFFICE, "440000"), plan, null, "{\"left\":[{\"organisationId\":\""
                + y1 + "\",\"reason\":\"DISSOLVED\"}]}").then().statusCode(404);
        revise(TestTokens.bearer(Role.AUDITOR, YUNNAN), plan, null, "{\"left\":[{\"organisationId\":\"" + y1
                + "\",\"reason\":\"DISSOLVED\"}]}").then().statusCode(403);

        // coverage and regular rounds read the universe as revised
        given().header("Authorization", OFFICE_YUNNAN).get("/api/v1/plans/" + plan + "/coverage").then()
                .statusCode(200).body("universe", equalTo(2))
                .body("targets.organisationId", containsInAnyOrder(y1, y3));
        schedule(OFFICE_YUNNAN, plan, round("REGULAR", "2025-04-01", "2025-05-30", "省委第一巡视组", y2)).then()
                .statusCode(422).body("code", equalTo("targets-outside-universe"));
        schedule(OFFICE_YUNNAN, plan, round("REGULAR", "2025-04-01", "2025-05-30", "省委第一巡视组", y3)).then()
                .statusCode(201);
        given().header("Authorization", OFFICE_YUNNAN).get("/api/v1/plans/" + plan).then().statusCode(200)
                .header("ETag", "\"2\"").body("universe", contains(y1, y3));
    }
}
