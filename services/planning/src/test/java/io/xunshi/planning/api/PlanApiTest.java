package io.xunshi.planning.api;

import static io.restassured.RestAssured.given;
import static io.xunshi.planning.api.Fixture.CENTRE;
import static io.xunshi.planning.api.Fixture.GUANGDONG;
import static io.xunshi.planning.api.Fixture.HANGZHOU;
import static io.xunshi.planning.api.Fixture.JIANGSU;
import static io.xunshi.planning.api.Fixture.NINGBO;
import static io.xunshi.planning.api.Fixture.OFFICE_CENTRE;
import static io.xunshi.planning.api.Fixture.OFFICE_ZJ;
import static io.xunshi.planning.api.Fixture.ZHEJIANG;
import static io.xunshi.planning.api.Fixture.issue;
import static io.xunshi.planning.api.Fixture.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.xunshi.kernel.security.Role;
import io.xunshi.testing.RealInfrastructureResource;
import io.xunshi.testing.TestTokens;

@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class PlanApiTest {

    @Inject
    Pool pool;

    long events() {
        return pool.query("SELECT count(*) AS n FROM events").executeAndAwait().iterator().next().getLong("n");
    }

    @Test
    void the_centre_issues_its_plan_with_its_universe_and_reads_it_back_with_an_etag() {
        String id = Fixture.centrePlan(pool);
        List<String> universe = Fixture.centreUniverse(pool);

        given().header("Authorization", OFFICE_CENTRE).get("/api/v1/plans/" + id)
                .then().statusCode(200).header("ETag", "\"1\"")
                .body("jurisdiction", equalTo(CENTRE))
                .body("title", equalTo("中央巡视工作规划（2023－2027年）"))
                .body("termStart", equalTo(2023)).body("termEnd", equalTo(2027))
                .body("parentPlanId", equalTo(null))
                .body("universeSize", equalTo(3))
                .body("universe", equalTo(universe));
        assertThat(given().header("Authorization", OFFICE_CENTRE).queryParam("limit", 200).get("/api/v1/plans")
                .jsonPath().getList("items.id")).contains(id);
    }

    @Test
    void a_province_issues_its_plan_naming_the_central_plan_with_the_organisations_it_manages_by_default() {
        String centre = Fixture.centrePlan(pool);
        List<String> managed = Fixture.ids(2, pool, ZHEJIANG);
        Fixture.organisation(pool, "杭州市某局", "DEPARTMENT", HANGZHOU, HANGZHOU);

        Response issued = issue(OFFICE_ZJ, plan("浙江省委巡视工作规划（2022－2026年）", ZHEJIANG, 2022, 2026, centre, null));

        issued.then().statusCode(201).header("Location", startsWith("/api/v1/plans/")).header("ETag", "\"1\"")
                .body("parentPlanId", equalTo(centre)).body("jurisdiction", equalTo(ZHEJIANG));
        List<String> universe = issued.jsonPath().getList("universe");
        assertThat(universe).containsAll(managed).allSatisfy(id -> assertThat(jurisdictionOf(id)).isEqualTo(ZHEJIANG));
        String id = issued.jsonPath().getString("id");

        // The higher level sees who filed: Zhejiang did, Hainan has not yet.
        Response subordinates = given().header("Authorization", OFFICE_CENTRE)
                .get("/api/v1/plans/" + centre + "/subordinates");
        subordinates.then().statusCode(200).body("planId", equalTo(centre)).body("jurisdiction", equalTo(CENTRE));
        assertThat(subordinates.jsonPath().getInt("notFiled")).isPositive();
        assertThat(subordinates.jsonPath().getString("children.find { it.jurisdiction == '330000' }.planId"))
                .isEqualTo(id);
        assertThat(subordinates.jsonPath().getBoolean("children.find { it.jurisdiction == '460000' }.filed"))
                .isFalse();
        assertThat(subordinates.jsonPath().getList("children.jurisdiction"))
                .contains(ZHEJIANG, JIANGSU, GUANGDONG, Fixture.HAINAN)
                .doesNotContain(HANGZHOU);

        // The province's own plan: its cities have not filed.
        given().header("Authorization", OFFICE_ZJ).get("/api/v1/plans/" + id + "/subordinates").then()
                .statusCode(200).body("filed", equalTo(0)).body("notFiled", equalTo(2))
                .body("children.jurisdiction", equalTo(List.of(HANGZHOU, NINGBO)));
    }

    @Test
    void a_provincial_caller_sees_neither_the_centres_plan_nor_another_provinces() {
        String centre = Fixture.centrePlan(pool);
        List<String> jiangsu = Fixture.ids(1, pool, JIANGSU);
        String jiangsuPlan = issue(TestTokens.bearer(Role.INSPECTION_OFFICE, JIANGSU),
                plan("江苏省委巡视工作规划", JIANGSU, 2023, 2027, centre, jiangsu)).then().statusCode(201)
                .extract().path("id");

        given().header("Authorization", OFFICE_ZJ).get("/api/v1/plans/" + centre).then().statusCode(404)
                .body("type", equalTo("urn:xunshi:problem:not-found"));
        given().header("Authorization", OFFICE_ZJ).get("/api/v1/plans/" + jiangsuPlan).then().statusCode(404);
        given().header("Authorization", OFFICE_ZJ).get("/api/v1/plans/" + jiangsuPlan + "/coverage").then()
                .statusCode(404);
        List<String> listed = given().header("Authorization", OFFICE_ZJ).queryParam("limit", 200)
                .get("/api/v1/plans").jsonPath().getList("items.jurisdiction");
        assertThat(listed).allSatisfy(j -> assertThat(j).startsWith("33"));
        given().header("Authorization", OFFICE_ZJ).queryParam("jurisdiction", JIANGSU).get("/api/v1/plans").then()
                .statusCode(403);
        given().header("Authorization", OFFICE_CENTRE).get("/api/v1/plans/" + jiangsuPlan).then().statusCode(200);
    }

    @Test
    void a_plan_below_the_centre_without_a_parent_is_422() {
        long before = events();
        issue(OFFICE_ZJ, plan("无上级规划", ZHEJIANG, 2030, 2034, null, null)).then().statusCode(422)
                .contentType("application/problem+json").body("code", equalTo("parent-plan-required"))
                .body("errors.field", hasItem("parentPlanId"));
        issue(OFFICE_ZJ, plan("不存在的上级规划", ZHEJIANG, 2030, 2034, "no-such-plan", null)).then()
                .statusCode(422).body("code", equalTo("parent-plan-unknown"));
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void a_parent_plan_that_is_not_an_ancestors_is_422() {
        String centre = Fixture.centrePlan(pool);
        String guangdong = issue(TestTokens.bearer(Role.INSPECTION_OFFICE, GUANGDONG),
                plan("广东省委巡视工作规划", GUANGDONG, 2023, 2027, centre, Fixture.ids(1, pool, GUANGDONG)))
                .then().statusCode(201).extract().path("id");
        List<String> hangzhou = Fixture.ids(1, pool, HANGZHOU);

        issue(TestTokens.bearer(Role.INSPECTION_OFFICE, HANGZHOU),
                plan("杭州市委巡察工作规划", HANGZHOU, 2023, 2027, guangdong, hangzhou)).then().statusCode(422)
                .body("code", equalTo("parent-plan-not-an-ancestor")).body("detail", containsString(GUANGDONG));
        issue(OFFICE_CENTRE, plan("中央另一规划", CENTRE, 2033, 2037, centre, null)).then().statusCode(422)
                .body("code", equalTo("centre-plan-has-no-parent"));
        issue(TestTokens.bearer(Role.INSPECTION_OFFICE, HANGZHOU),
                plan("杭州市委巡察工作规划（2030－2034年）", HANGZHOU, 2030, 2034, centre, hangzhou)).then()
                .statusCode(422).body("code", equalTo("term-outside-parent"));
    }

    @Test
    void a_foreign_or_unknown_organisation_in_the_universe_is_422_naming_it_and_an_empty_universe_is_refused() {
        String centre = Fixture.centrePlan(pool);
        String own = Fixture.ids(1, pool, NINGBO).get(0);
        String foreign = Fixture.ids(1, pool, HANGZHOU).get(0);
        String ningbo = TestTokens.bearer(Role.INSPECTION_OFFICE, NINGBO);

        issue(ningbo, plan("宁波市委巡察工作规划", NINGBO, 2023, 2027, centre, List.of(own, foreign, "org-unknown")))
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:xunshi:problem:validation-failed"))
                .body("code", equalTo("universe-foreign-organisations"))
                .body("detail", containsString(foreign)).body("detail", containsString("org-unknown"))
                .body("detail", org.hamcrest.Matchers.not(containsString(own)));
        issue(ningbo, plan("宁波市委巡察工作规划", NINGBO, 2023, 2027, centre, List.of())).then().statusCode(422)
                .body("code", equalTo("universe-empty"));
        issue(TestTokens.bearer(Role.INSPECTION_OFFICE, "330300"), plan("温州市委巡察工作规划", "330300", 2023,
                2027, centre, null)).then().statusCode(422).body("code", equalTo("universe-empty"));
    }

    @Test
    void a_reversed_or_overlong_term_is_422() {
        String centre = Fixture.centrePlan(pool);
        List<String> universe = Fixture.ids(1, pool, "330400");
        String jiaxing = TestTokens.bearer(Role.INSPECTION_OFFICE, "330400");
        issue(jiaxing, plan("嘉兴", "330400", 2027, 2023, centre, universe)).then().statusCode(422)
                .body("code", equalTo("term-reversed")).body("errors.field", hasItem("termEnd"));
        issue(jiaxing, plan("嘉兴", "330400", 2023, 2028, centre, universe)).then().statusCode(422)
                .body("code", equalTo("term-too-long")).body("detail", containsString("at most 5 years"));
    }

    @Test
    void a_second_plan_for_the_same_jurisdiction_and_term_is_409_even_when_both_arrive_at_once() {
        String centre = Fixture.centrePlan(pool);
        String code = "330500";
        List<String> universe = Fixture.ids(1, pool, code);
        String huzhou = TestTokens.bearer(Role.INSPECTION_OFFICE, code);

        List<CompletableFuture<Integer>> racing = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            int n = i;
            racing.add(CompletableFuture.supplyAsync(() -> issue(huzhou,
                    plan("湖州市委巡察工作规划 " + n, code, 2023 + n % 2, 2027, centre, universe)).statusCode()));
        }
        List<Integer> statuses = racing.stream().map(CompletableFuture::join).toList();

        assertThat(statuses).containsOnly(201, 409).filteredOn(s -> s == 201).hasSize(1);
        issue(huzhou, plan("湖州市委巡察工作规划（重复）", code, 2026, 2030, centre, universe)).then().statusCode(409)
                .contentType("application/problem+json").body("code", equalTo("plan-already-issued-for-term"));
        assertThat(Fixture.count(pool, "SELECT count(*) AS n FROM plans WHERE jurisdiction = $1", code)).isEqualTo(1);
    }

    @Test
    void a_retry_with_the_same_idempotency_key_returns_the_first_plan() {
        String centre = Fixture.centrePlan(pool);
        String code = "330600";
        String json = plan("绍兴市委巡察工作规划", code, 2023, 2027, centre, Fixture.ids(1, pool, code));
        String token = TestTokens.bearer(Role.INSPECTION_OFFICE, code);
        Response first = given().header("Authorization", token).header("Idempotency-Key", "plan-" + code)
                .contentType("application/json").body(json).post("/api/v1/plans");
        Response retry = given().header("Authorization", token).header("Idempotency-Key", "plan-" + code)
                .contentType("application/json").body(json).post("/api/v1/plans");

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.jsonPath().getString("id")).isEqualTo(first.jsonPath().getString("id"));
    }

    @Test
    void an_unknown_plan_is_404_as_problem_json() {
        given().header("Authorization", OFFICE_CENTRE).get("/api/v1/plans/no-such-plan").then().statusCode(404)
                .contentType("application/problem+json").body("instance", equalTo("/api/v1/plans/no-such-plan"));
    }

    private String jurisdictionOf(String organisationId) {
        return pool.preparedQuery("SELECT jurisdiction FROM organisations WHERE organisation_id = $1")
                .executeAndAwait(io.vertx.mutiny.sqlclient.Tuple.of(organisationId)).iterator().next()
                .getString("jurisdiction");
    }
}
