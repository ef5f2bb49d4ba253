package io.xunshi.planning.api;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.xunshi.kernel.security.Role;
import io.xunshi.testing.RealInfrastructureResource;
import io.xunshi.testing.TestTokens;
import io.xunshi.testing.fuzz.ApiFuzzer;

/**
 * Schema-driven fuzzing of the planning API from its published OpenAPI document: no answer of 500 or more,
 * every error problem+json, and refused writes write nothing (see {@link ApiFuzzer}).
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class PlanningFuzzTest {

    private static final String SICHUAN = "510000";
    private static final String CHENGDU = "510100";

    @Inject
    Pool pool;

    @TestHTTPResource("/")
    URI base;

    private long storeRows() {
        return pool.query("SELECT (SELECT count(*) FROM events) + (SELECT count(*) FROM idempotency_keys) AS n")
                .executeAndAwait().iterator().next().getLong("n");
    }

    @Test
    void no_request_derived_from_the_published_contract_breaks_the_api() {
        // A province of its own, so that the plans and rounds the fuzzer writes change nothing other tests
        // read (the Centre's plan, its coverage, the provinces that have filed).
        String centre = Fixture.centrePlan(pool);
        Fixture.jurisdictions(pool, Map.of(SICHUAN, "四川省", CHENGDU, "成都市"));
        List<String> universe = Fixture.ids(3, pool, SICHUAN);
        String office = TestTokens.bearer(Role.INSPECTION_OFFICE, SICHUAN);
        String plan = Fixture.issue(office, Fixture.plan("四川省巡视工作规划", SICHUAN, 2023, 2027, centre, universe))
                .then().statusCode(201).extract().path("id");
        List<String> rounds = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            rounds.add(RoundAndCoverageTest.schedule(office, plan, RoundAndCoverageTest.round("REGULAR",
                    "2025-03-0" + (i + 1), "2025-05-10", "省委第" + (i + 1) + "巡视组", universe.get(i)))
                    .then().statusCode(201).extract().path("id"));
        }
        List<String> plans = List.of(plan);
        ApiFuzzer.forService("planning").baseUri(base).jurisdictions(SICHUAN, Fixture.JIANGSU)
                .hint("getPlan.id", plans).hint("getCoverage.id", plans).hint("scheduleRound.id", plans)
                .hint("listRounds.id", plans).hint("getSubordinatePlans.id", plans)
                .hint("getRound.id", rounds).hint("launchRound.id", rounds)
                .hint("jurisdiction", List.of(SICHUAN, CHENGDU))
                .hint("parentPlanId", List.of(plan, centre))
                .hint("universe", List.of(universe, universe.subList(0, 1)))
                .hint("organisationId", universe)
                .hint("termStart", List.of(2023, 2028)).hint("termEnd", List.of(2027, 2032))
                .hint("stationingStart", List.of("2025-09-01", "2026-03-02"))
                .hint("stationingEnd", List.of("2025-11-01", "2026-05-08"))
                .hint("launchedOn", List.of("2025-08-20", "2026-02-20"))
                .storeRows(this::storeRows)
                .run().assertClean();
    }
}
