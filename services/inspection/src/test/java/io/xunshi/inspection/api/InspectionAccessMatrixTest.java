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
        return Map.of(
                "listInspections", List.of(
                        Probe.list(ZHEJIANG, "/api/v1/inspections", Map.of(), "inspectionId",
                                InspectionAccessMatrixTest::listed)
                                .described("an inspection by Zhejiang, in the list of the caller's own subtree"),
                        Probe.filteredList(ZHEJIANG, (r, home) -> r.get().queryParam("jurisdiction", ZHEJIANG)
                                .get("/api/v1/inspections")).described("?jurisdiction=330000 (Zhejiang)")),
                "getInspection", List.of(Probe.resource(ZHEJIANG, (r, home) -> r.get()
                        .get("/api/v1/inspections/" + inspection("read", Inspection.Status.PREPARING)))
                        .described("an inspection by Zhejiang (330000)")),
                "stationTeam", List.of(Probe.resource(ZHEJIANG,
                        (r, home) -> post(r, Inspection.Status.PREPARING, "stationing", "{}"))
                        .described("a Zhejiang inspection in preparation")),
                "recordFinding", List.of(Probe.resource(ZHEJIANG,
                        (r, home) -> post(r, Inspection.Status.STATIONED, "findings", InspectionFixtures.FINDING))
                        .described("a stationed Zhejiang inspection")),
                "getFinding", List.of(Probe.resource(ZHEJIANG,
                        (r, home) -> r.get().get("/api/v1/inspections/" + finding()))
                        .described("a finding of a Zhejiang inspection")),
                "reportInspection", List.of(Probe.resource(ZHEJIANG, (r, home) -> post(r,
                        Inspection.Status.STATIONED, "report", "{\"summary\":\"报告\"}"))
                        .described("a stationed Zhejiang inspection")),
                "giveFeedback", List.of(Probe.resource(ZHEJIANG, (r, home) -> post(r, Inspection.Status.REPORTED,
                        "feedback", "{\"organisationHead\":\"张三\"}")).described("a reported Zhejiang inspection")),
                "closeInspection", List.of(Probe.resource(ZHEJIANG,
                        (r, home) -> post(r, Inspection.Status.FEEDBACK_GIVEN, "close", null))
                        .described("a Zhejiang inspection after feedback")));
    }
}
