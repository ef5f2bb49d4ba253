package io.xunshi.planning.api;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.xunshi.kernel.security.Role;
import io.xunshi.testing.RealInfrastructureResource;
import io.xunshi.testing.TestTokens;
import io.xunshi.testing.access.AccessMatrixContract;
import io.xunshi.testing.access.KernelProbes;
import io.xunshi.testing.access.Probe;

/**
 * Planning's authorisation matrix, generated from contracts/openapi/planning.yaml: Fujian's plan under the
 * Centre's, with one scheduled round, seeded through the API the first time a probe runs. Allowed writes
 * are valid requests: a plan without a parent (refused 422 below the Centre, after the access checks), a
 * round within the plan's term, the launch (then 409 for a second one).
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class PlanningAccessMatrixTest extends AccessMatrixContract {

    static final String FUJIAN = "350000";

    record Subject(String plan, String round, String organisation) {
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
            subject = new Subject(plan, round, org);
        }
        return subject;
    }

    @Override
    protected String service() {
        return "planning";
    }

    @Override
    protected List<String> roles() {
        return Role.ALL;
    }

    @Override
    protected Map<String, List<Probe>> kernelProbes() {
        return KernelProbes.of("coverage-feedback", "xunshi.inspection.events",
                "xunshi.inspection.InspectionOpened.v1");
    }

    @Override
    protected Map<String, List<Probe>> probes() {
        String plans = "/api/v1/plans/";
        Map<String, List<Probe>> probes = new java.util.HashMap<>(Map.of(
                "listPlans", List.of(
                        Probe.list(FUJIAN, "/api/v1/plans", Map.of(), "id", () -> subject().plan())
                                .described("a Fujian plan, in the list of the caller's own subtree"),
                        Probe.filteredList(FUJIAN, (r, home) -> r.get().queryParam("jurisdiction", FUJIAN)
                                .get("/api/v1/plans")).described("?jurisdiction=350000 (Fujian)")),
                "issuePlan", List.of(Probe.create(FUJIAN, (r, home) -> r.get().contentType(ContentType.JSON)
                        .body(Fixture.plan("无上级", FUJIAN, 2031, 2035, null, null)).post("/api/v1/plans"))
                        .described("a plan of Fujian (350000)")),
                "getPlan", List.of(Probe.resource(FUJIAN, (r, home) -> r.get().get(plans + subject().plan()))
                        .described("Fujian's plan")),
                "getCoverage", List.of(Probe.resource(FUJIAN,
                        (r, home) -> r.get().get(plans + subject().plan() + "/coverage")).described("Fujian's plan")),
                "scheduleRound", List.of(Probe.resource(FUJIAN, (r, home) -> r.get().contentType(ContentType.JSON)
                        .body(RoundAndCoverageTest.round("REGULAR", "2025-03-01", "2025-05-01", "省委第二巡视组",
                                subject().organisation()))
                        .post(plans + subject().plan() + "/rounds")).described("Fujian's plan")),
                "listRounds", List.of(Probe.resource(FUJIAN,
                        (r, home) -> r.get().get(plans + subject().plan() + "/rounds")).described("Fujian's plan")),
                "getSubordinatePlans", List.of(Probe.resource(FUJIAN,
                        (r, home) -> r.get().get(plans + subject().plan() + "/subordinates"))
                        .described("Fujian's plan")),
                "getRound", List.of(Probe.resource(FUJIAN,
                        (r, home) -> r.get().get("/api/v1/rounds/" + subject().round()))
                        .described("a round of Fujian's plan")),
                "launchRound", List.of(Probe.resource(FUJIAN, (r, home) -> r.get().contentType(ContentType.JSON)
                        .body("{}").post("/api/v1/rounds/" + subject().round() + "/launch"))
                        .described("a round of Fujian's plan"))));
        probes.putAll(Map.of(
                "getPace", List.of(Probe.resource(FUJIAN,
                        (r, home) -> r.get().get(plans + subject().plan() + "/pace")).described("Fujian's plan")),
                "fileRound", List.of(Probe.resource(FUJIAN, (r, home) -> r.get().contentType(ContentType.JSON)
                        .body("{\"workPlan\":\"巡视方案\"}").post("/api/v1/rounds/" + subject().round() + "/filing"))
                        .described("a round of Fujian's plan (filed once; then 409)")),
                "listRoundFilings", List.of(Probe.filteredList(FUJIAN, (r, home) -> r.get()
                        .queryParam("filedWith", FUJIAN).get("/api/v1/round-filings"))
                        .described("?filedWith=350000 (Fujian)")),
                "revisePlan", List.of(Probe.resource(FUJIAN, (r, home) -> r.get().contentType(ContentType.JSON)
                        .body("{\"joined\":[{\"organisationId\":\"" + subject().organisation()
                                + "\",\"reason\":\"NEW_UNIT\"}]}")
                        .post(plans + subject().plan() + "/revisions"))
                        .described("Fujian's plan (the organisation named is in its universe: 422 for who passes)")),
                "listLookBackCandidates", List.of(Probe.resource(FUJIAN,
                        (r, home) -> r.get().get(plans + subject().plan() + "/look-back-candidates"))
                        .described("Fujian's plan")),
                "listLinkedRounds", List.of(Probe.resource(FUJIAN,
                        (r, home) -> r.get().get("/api/v1/rounds/" + subject().round() + "/linked-rounds"))
                        .described("a round of Fujian's plan"))));
        return probes;
    }
}
