package io.xunshi.inspection.api;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.xunshi.contracts.planning.RoundLaunched;
import io.xunshi.inspection.InspectionFixtures;
import io.xunshi.inspection.domain.Inspection;
import io.xunshi.kernel.security.Role;
import io.xunshi.testing.RealInfrastructureResource;
import io.xunshi.testing.access.AccessMatrixContract;
import io.xunshi.testing.access.KernelProbes;
import io.xunshi.testing.access.Probe;

/**
 * Inspection's authorisation matrix, generated from contracts/openapi/inspection.yaml: inspections run by
 * Zhejiang (330000) of Hangzhou organisations, one per operation in the status the operation needs, so that
 * the first allowed call succeeds and later ones get the domain's 409.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class InspectionAccessMatrixTest extends AccessMatrixContract {

    static final String ZHEJIANG = InspectionFixtures.ZHEJIANG;

    /** One inspection per operation, by operation id, in the status that operation needs. */
    private static final Map<String, String> inspections = new HashMap<>();
    private static RoundLaunched listedLaunch;
    private static String listed;
    private static String finding;

    private static synchronized String inspection(String operation, Inspection.Status status) {
        return inspections.computeIfAbsent(operation, o -> InspectionFixtures.inStatus(status));
    }

    /** The team of these inspections is another: none of the matrix's team callers is in it. */
    private static final List<String> OTHER_DEPUTIES = List.of("deputy-of-another-team");
    private static final List<String> OTHER_MEMBERS = List.of("member-of-another-team", "member-of-another-team-2",
            "member-of-another-team-3");

    private static synchronized String otherTeams(String operation, Inspection.Status status) {
        return inspections.computeIfAbsent("other:" + operation,
                o -> InspectionFixtures.inStatus(status, OTHER_DEPUTIES, OTHER_MEMBERS));
    }

    private static Response postOther(Supplier<RequestSpecification> request, Inspection.Status status, String action,
            String body) {
        String id = otherTeams(action, status);
        RequestSpecification spec = request.get().contentType(ContentType.JSON);
        if (body != null) {
            spec.body(body);
        }
        return spec.post("/api/v1/inspections/" + id + "/" + action);
    }

    private static String cadre;
    private static String team;

    private static synchronized String cadre() {
        if (cadre == null) {
            cadre = InspectionFixtures.cadre("王强", "matrix-cadre-" + java.util.UUID.randomUUID(), false);
        }
        return cadre;
    }

    private static synchronized String team() {
        if (team == null) {
            team = InspectionFixtures.withTeam(InspectionFixtures.opened());
        }
        return team;
    }

    private static final String CADRE = "{\"jurisdiction\":\"330000\",\"name\":\"李敏\",\"account\":\"li.min@330000\","
            + "\"rank\":\"正处级\",\"expertise\":[\"审计\"],\"post\":{\"unitId\":\"unit-zj-audit\",\"unitName\":"
            + "\"浙江省审计厅\",\"title\":\"处长\",\"since\":\"2020-01-01\"}}";

    /** A team for a fresh preparing inspection; the first allowed call forms it, later ones meet it formed (409). */
    private static Response formTeam(Supplier<RequestSpecification> request) {
        String body;
        synchronized (InspectionAccessMatrixTest.class) {
            body = teamRequests.computeIfAbsent("form", k -> InspectionFixtures.teamRequest(
                    InspectionFixtures.opened(), InspectionFixtures.DEPUTIES, InspectionFixtures.MEMBERS));
        }
        return request.get().contentType(ContentType.JSON).body(body).post("/api/v1/teams");
    }

    private static final Map<String, String> teamRequests = new HashMap<>();

    private static synchronized String listed() {
        if (listed == null) {
            listedLaunch = InspectionFixtures.zhejiangRound();
            String id = InspectionFixtures.opened(listedLaunch);
            // The list may be a moment behind the opening.
            InspectionFixtures.awaitListed(listedLaunch.roundId(), listedLaunch.assignments().size());
            listed = id;
        }
        return listed;
    }

    private static synchronized String finding() {
        if (finding == null) {
            String id = InspectionFixtures.inStatus(Inspection.Status.STATIONED);
            String findingId = InspectionFixtures.post(InspectionFixtures.MEMBER_ZJ, id, "findings",
                    InspectionFixtures.FINDING).then().statusCode(201).extract().path("findingId");
            finding = id + "/findings/" + findingId;
        }
        return finding;
    }

    private static Response post(Supplier<RequestSpecification> request, Inspection.Status status, String action,
            String body) {
        String id = inspection(action, status);
        RequestSpecification spec = request.get().contentType(ContentType.JSON);
        if (body != null) {
            spec.body(body);
        }
        return spec.post("/api/v1/inspections/" + id + "/" + action);
    }

    @Override
    protected String service() {
        return "inspection";
    }

    @Override
    protected List<String> roles() {
        return Role.ALL;
    }

    @Override
    protected Map<String, List<Probe>> kernelProbes() {
        return KernelProbes.of("inspection-rounds", "xunshi.planning.events", "xunshi.planning.WorkPlanIssued.v1");
    }

    @Override
    protected Map<String, List<Probe>> probes() {
        return Map.ofEntries(
                Map.entry("listInspections", List.of(
                        Probe.list(ZHEJIANG, "/api/v1/inspections", Map.of(), "inspectionId",
                                InspectionAccessMatrixTest::listed)
                                .described("an inspection by Zhejiang, in the list of the caller's own subtree"),
                        Probe.filteredList(ZHEJIANG, (r, home) -> r.get().queryParam("jurisdiction", ZHEJIANG)
                                .get("/api/v1/inspections")).described("?jurisdiction=330000 (Zhejiang)"))),
                Map.entry("getInspection", List.of(Probe.resource(ZHEJIANG, (r, home) -> r.get()
                        .get("/api/v1/inspections/" + inspection("read", Inspection.Status.PREPARING)))
                        .described("an inspection by Zhejiang (330000)"))),
                Map.entry("stationTeam", List.of(Probe.resource(ZHEJIANG,
                        (r, home) -> post(r, Inspection.Status.PREPARING, "stationing", "{}"))
                        .described("a Zhejiang inspection in preparation, its team the caller's"),
                        Probe.resource(ZHEJIANG,
                                (r, home) -> postOther(r, Inspection.Status.PREPARING, "stationing", "{}"))
                                .refusedTo(Role.TEAM_LEADER)
                                .described("a Zhejiang inspection in preparation, of another team"))),
                Map.entry("recordFinding", List.of(Probe.resource(ZHEJIANG,
                        (r, home) -> post(r, Inspection.Status.STATIONED, "findings", InspectionFixtures.FINDING))
                        .described("a stationed Zhejiang inspection, its team the caller's"),
                        Probe.resource(ZHEJIANG, (r, home) -> postOther(r, Inspection.Status.STATIONED, "findings",
                                InspectionFixtures.FINDING)).refusedTo(Role.TEAM_LEADER, Role.TEAM_MEMBER)
                                .described("a stationed Zhejiang inspection of another team"))),
                Map.entry("getFinding", List.of(Probe.resource(ZHEJIANG,
                        (r, home) -> r.get().get("/api/v1/inspections/" + finding()))
                        .described("a finding of a Zhejiang inspection"))),
                Map.entry("reportInspection", List.of(Probe.resource(ZHEJIANG, (r, home) -> post(r,
                        Inspection.Status.STATIONED, "report", "{\"summary\":\"报告\"}"))
                        .described("a stationed Zhejiang inspection, its team the caller's"),
                        Probe.resource(ZHEJIANG, (r, home) -> postOther(r, Inspection.Status.STATIONED, "report",
                                "{\"summary\":\"报告\"}")).refusedTo(Role.TEAM_LEADER)
                                .described("a stationed Zhejiang inspection of another team"))),
                Map.entry("giveFeedback",
                        List.of(Probe.resource(ZHEJIANG, (r, home) -> post(r, Inspection.Status.REPORTED,
                                "feedback", "{\"organisationHead\":\"张三\"}"))
                                .described("a reported Zhejiang inspection, its team the caller's"),
                                Probe.resource(ZHEJIANG,
                                        (r, home) -> postOther(r, Inspection.Status.REPORTED, "feedback",
                                                "{\"organisationHead\":\"张三\"}"))
                                        .refusedTo(Role.TEAM_LEADER)
                                        .described("a reported Zhejiang inspection of another team"))),
                Map.entry("closeInspection", List.of(Probe.resource(ZHEJIANG,
                        (r, home) -> post(r, Inspection.Status.FEEDBACK_GIVEN, "close", null))
                        .described("a Zhejiang inspection after feedback"))),
                Map.entry("registerCadre", List.of(Probe.create(ZHEJIANG,
                        (r, home) -> r.get().contentType(ContentType.JSON).body(CADRE).post("/api/v1/cadres"))
                        .described("a cadre of Zhejiang's pool"))),
                Map.entry("getCadre",
                        List.of(Probe.resource(ZHEJIANG, (r, home) -> r.get().get("/api/v1/cadres/" + cadre()))
                                .described("a cadre of Zhejiang's pool"))),
                Map.entry("changeCadrePost", List.of(Probe
                        .resource(ZHEJIANG, (r, home) -> r.get().contentType(ContentType.JSON)
                                .body("{\"unitId\":\"unit-zj-audit\",\"unitName\":\"浙江省审计厅\",\"title\":\"处长\","
                                        + "\"since\":\"2026-06-01\"}")
                                .post("/api/v1/cadres/" + cadre() + "/posts"))
                        .described("a cadre of Zhejiang's pool (the post recorded once; then 422)"))),
                Map.entry("declareCloseRelation", List.of(Probe.resource(ZHEJIANG, (r, home) -> r.get()
                        .contentType(ContentType.JSON)
                        .body("{\"organisationId\":\"org-hz-tax\",\"relation\":\"SPOUSE\"}")
                        .post("/api/v1/cadres/" + cadre() + "/relations")).described("a cadre of Zhejiang's pool"))),
                Map.entry("recordCadreVetting", List.of(Probe.resource(ZHEJIANG, (r, home) -> r.get()
                        .contentType(ContentType.JSON).body("{\"check\":\"POLITICAL\"}")
                        .post("/api/v1/cadres/" + cadre() + "/vetting")).described("a cadre of Zhejiang's pool"))),
                Map.entry("formTeam", List.of(Probe.resource(ZHEJIANG, (r, home) -> formTeam(r))
                        .described("a team for a preparing Zhejiang inspection (formed once; then 409)"))),
                Map.entry("getTeam",
                        List.of(Probe.resource(ZHEJIANG, (r, home) -> r.get().get("/api/v1/teams/" + team()))
                                .described("a team of a Zhejiang round"))),
                Map.entry("standDownTeam",
                        List.of(Probe.resource(ZHEJIANG, (r, home) -> r.get().contentType(ContentType.JSON)
                                .body("{}").post("/api/v1/teams/" + team() + "/stand-down"))
                                .described("a team of a Zhejiang round (stood down once; then 409)"))));
    }
}
