package io.xunshi.planning.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.xunshi.kernel.domain.Jurisdictions;
import io.xunshi.kernel.security.Role;
import io.xunshi.testing.RealInfrastructureResource;
import io.xunshi.testing.TestTokens;

/**
 * Every endpoint against every kind of caller: the plan's own office, the Centre above it, a sibling
 * province, a city below, and each other role. Reads of a hidden plan or round answer 404; writes without
 * the role or outside the subtree 403. Writes an allowed caller may make are sent in a form the domain
 * refuses (422, or 409 for a second launch), so that the matrix writes nothing.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class PlanningAccessMatrixTest {

    static final String FUJIAN = "350000";

    record Subject(String plan, String round) {
    }

    private static Subject subject;

    @Inject
    Pool pool;

    private synchronized Subject subject() {
        if (subject == null) {
            String centre = Fixture.centrePlan(pool);
            Fixture.jurisdictions(pool, Map.of(FUJIAN, "福建省", "350100", "福州市"));
            String org = Fixture.ids(1, pool, FUJIAN).get(0);
            String office = TestTokens.bearer(Role.INSPECTION_OFFICE, FUJIAN);
            String plan = Fixture.issue(office, Fixture.plan("福建省委巡视工作规划", FUJIAN, 2023, 2027, centre,
                    List.of(org))).then().statusCode(201).extract().path("id");
            String round = RoundAndCoverageTest.schedule(office, plan, RoundAndCoverageTest.round("REGULAR",
                    "2024-03-01", "2024-05-01", "省委第一巡视组", org)).then().statusCode(201).extract().path("id");
            given().header("Authorization", office).contentType(ContentType.JSON).body("{}")
                    .post("/api/v1/rounds/" + round + "/launch").then().statusCode(200);
            subject = new Subject(plan, round);
        }
        return subject;
    }

    enum Endpoint {
        ISSUE((token, s) -> Fixture.issue(token, Fixture.plan("无上级", FUJIAN, 2031, 2035, null, null))),
        LIST((token, s) -> given().header("Authorization", token).queryParam("jurisdiction", FUJIAN)
                .get("/api/v1/plans")),
        READ((token, s) -> given().header("Authorization", token).get("/api/v1/plans/" + s.plan())),
        SUBORDINATES((token, s) -> given().header("Authorization", token)
                .get("/api/v1/plans/" + s.plan() + "/subordinates")),
        SCHEDULE((token, s) -> RoundAndCoverageTest.schedule(token, s.plan(),
                RoundAndCoverageTest.round("REGULAR", "2024-05-01", "2024-03-01", "组", "x"))),
        LAUNCH((token, s) -> given().header("Authorization", token).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/rounds/" + s.round() + "/launch")),
        READ_ROUND((token, s) -> given().header("Authorization", token).get("/api/v1/rounds/" + s.round())),
        LIST_ROUNDS((token, s) -> given().header("Authorization", token)
                .get("/api/v1/plans/" + s.plan() + "/rounds")),
        COVERAGE((token, s) -> given().header("Authorization", token).get("/api/v1/plans/" + s.plan() + "/coverage"));

        final BiFunction<String, Subject, Response> call;

        Endpoint(BiFunction<String, Subject, Response> call) {
            this.call = call;
        }
    }

    record Caller(String role, String jurisdiction, String description) {
        String token() {
            return TestTokens.bearer(role, jurisdiction);
        }

        @Override
        public String toString() {
            return description;
        }
    }

    static Stream<Arguments> matrix() {
        Caller office = new Caller(Role.INSPECTION_OFFICE, FUJIAN, "Fujian's inspection office");
        Caller centre = new Caller(Role.INSPECTION_OFFICE, Jurisdictions.CENTRE, "the Centre's inspection office");
        Caller sibling = new Caller(Role.INSPECTION_OFFICE, "360000", "Jiangxi's inspection office");
        Caller below = new Caller(Role.INSPECTION_OFFICE, "350100", "Fuzhou's inspection office");
        Caller auditor = new Caller(Role.AUDITOR, FUJIAN, "a Fujian auditor");
        Caller member = new Caller(Role.TEAM_MEMBER, FUJIAN, "a Fujian team member");
        Caller discipline = new Caller(Role.DISCIPLINE_LIAISON, FUJIAN, "a Fujian discipline liaison");
        Caller owner = new Caller(Role.RECTIFICATION_OWNER, FUJIAN, "a Fujian rectification owner");
        Caller publicCaller = new Caller(Role.PUBLIC, FUJIAN, "the public in Fujian");
        Map<Endpoint, Integer> allowedWrite = Map.of(Endpoint.ISSUE, 422, Endpoint.SCHEDULE, 422, Endpoint.LAUNCH, 409);
        List<Arguments> rows = new ArrayList<>();
        for (Endpoint e : Endpoint.values()) {
            int ok = allowedWrite.getOrDefault(e, 200);
            rows.add(Arguments.of(office, e, ok));
            rows.add(Arguments.of(centre, e, ok));
            boolean hidden = e != Endpoint.ISSUE && e != Endpoint.LIST;
            rows.add(Arguments.of(sibling, e, hidden ? 404 : 403));
            rows.add(Arguments.of(below, e, hidden ? 404 : 403));
            boolean write = allowedWrite.containsKey(e);
            boolean officeAndAuditorOnly = e == Endpoint.SUBORDINATES || e == Endpoint.COVERAGE;
            rows.add(Arguments.of(auditor, e, write ? 403 : 200));
            rows.add(Arguments.of(member, e, write || officeAndAuditorOnly ? 403 : 200));
            rows.add(Arguments.of(discipline, e, write || officeAndAuditorOnly ? 403 : 200));
            rows.add(Arguments.of(owner, e, 403));
            rows.add(Arguments.of(publicCaller, e, 403));
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0} calling {1} gets {2}")
    @MethodSource("matrix")
    void each_caller_reaches_exactly_its_subtree_with_its_role(Caller caller, Endpoint endpoint, int expected) {
        Response response = endpoint.call.apply(caller.token(), subject());

        assertThat(response.statusCode()).as(response.asString()).isEqualTo(expected);
        if (expected >= 400) {
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.jsonPath().getInt("status")).isEqualTo(expected);
        }
    }
}
