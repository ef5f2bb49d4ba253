package io.xunshi.rectification.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.xunshi.contracts.inspection.FeedbackGiven;
import io.xunshi.kernel.security.Role;
import io.xunshi.rectification.InspectionFeedback;
import io.xunshi.rectification.application.CaseAccess;
import io.xunshi.testing.RealInfrastructureResource;
import io.xunshi.testing.TestTokens;
import io.xunshi.testing.access.AccessMatrixContract;
import io.xunshi.testing.access.KernelProbes;
import io.xunshi.testing.access.Probe;

/**
 * Rectification's authorisation matrix, generated from contracts/openapi/rectification.yaml. A case has two
 * sides (CaseAccess): here Zhejiang (330000) inspected an organisation located in Hangzhou (330100), so the
 * rectifying side, {@code rectification-owner}, is placed relative to Hangzhou, and the supervising side,
 * {@code inspection-office} and {@code auditor}, relative to Zhejiang; every other role the document admits
 * has no side and finds no case at all. Each operation gets a case of its own, opened by FeedbackGiven on
 * the inspection topic as the inspection service publishes it.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class RectificationAccessMatrixTest extends AccessMatrixContract {

    static final String ZHEJIANG = "330000";
    static final String HANGZHOU = "330100";

    record Case(String id, String inspectionId, String organisationId) {
    }

    private static final Map<String, Case> cases = new HashMap<>();

    /** A case of its own for each operation, opened the first time the operation's probe runs. */
    private static synchronized Case of(String operation) {
        return cases.computeIfAbsent(operation, o -> {
            // The signals' case was fed back long ago: its reports are overdue, so red.
            FeedbackGiven feedback = InspectionFeedback.feedback(ZHEJIANG, HANGZHOU,
                    CaseAccess.today().minusDays(o.equals("signals") ? 70 : 5), 2);
            String id = InspectionFeedback.opened(feedback);
            String office = TestTokens.bearer(Role.INSPECTION_OFFICE, ZHEJIANG);
            await().atMost(InspectionFeedback.WAIT).until(() -> given().header("Authorization", office)
                    .queryParam("inspectionId", feedback.inspectionId()).get(RectificationFlowTest.BASE).jsonPath()
                    .getList("items").size() == 1);
            prepare(o, id, feedback.organisationId(), office);
            return new Case(id, feedback.inspectionId(), feedback.organisationId());
        });
    }

    /**
     * What an operation needs done on its case first: a closed task to reject, a report to publish, an evaluation
     * judged not effective to refer, a published view to read.
     */
    private static void prepare(String operation, String id, String organisationId, String office) {
        String owner = TestTokens.bearer(Role.RECTIFICATION_OWNER, HANGZHOU, organisationId);
        List<String[]> steps = switch (operation) {
            case "rejection" -> List.<String[]>of(new String[]{ owner, "tasks/T1/close", "{\"evidence\":[\"凭证\"]}" });
            case "publish" -> List.<String[]>of(new String[]{ owner, "report", "{\"summary\":\"报告\"}" });
            case "public-view" -> List.of(new String[]{ owner, "report", "{\"summary\":\"报告\"}" },
                    new String[]{ office, "public-view", "{\"summary\":\"已整改\"}" });
            case "accountability" -> List.of(new String[]{ owner, "report", "{\"summary\":\"报告\"}" },
                    new String[]{ owner, "head-report", "{\"summary\":\"组织落实\"}" },
                    new String[]{ office, "evaluation", RectificationFlowTest.poor("敷衍") });
            default -> List.of();
        };
        for (String[] step : steps) {
            given().header("Authorization", step[0]).contentType(ContentType.JSON).body(step[2])
                    .post(RectificationFlowTest.BASE + id + "/" + step[1]).then().statusCode(200);
        }
    }

    /** The case id, once the deadlines read model lists its overdue reports. */
    private static String awaitSignals(String caseId) {
        String office = TestTokens.bearer(Role.INSPECTION_OFFICE, ZHEJIANG);
        await().atMost(InspectionFeedback.WAIT).until(() -> given().header("Authorization", office)
                .queryParam("light", "RED").queryParam("limit", 200).get("/api/v1/rectification-signals").jsonPath()
                .getList("items.caseId").contains(caseId));
        return caseId;
    }

    private static Response post(Supplier<RequestSpecification> request, String operation, String action,
            String body) {
        return request.get().contentType(ContentType.JSON).body(body)
                .post(RectificationFlowTest.BASE + of(operation).id() + "/" + action);
    }

    /**
     * The case's two sides, and no side for the roles that neither rectify nor supervise; every caller acts for
     * the case's organisation, so that its owners are its own (an owner of another organisation is refused in
     * RectificationFlowTest).
     */
    private static Probe sides(Probe probe, String operation) {
        return probe.actingFor(() -> of(operation).organisationId()).side(Role.RECTIFICATION_OWNER, HANGZHOU)
                .hiddenFrom(Role.TEAM_LEADER, Role.TEAM_MEMBER, Role.PUBLIC);
    }

    @Override
    protected String service() {
        return "rectification";
    }

    @Override
    protected List<String> roles() {
        return Role.ALL;
    }

    @Override
    protected Map<String, List<Probe>> kernelProbes() {
        return KernelProbes.of("rectification-feedback", "xunshi.inspection.events",
                "xunshi.inspection.InspectionOpened.v1");
    }

    @Override
    protected Map<String, List<Probe>> probes() {
        String sides = "a case of Zhejiang's (330000) inspection of a Hangzhou (330100) organisation; owners"
                + " placed by 330100 and acting for that organisation (organisation claim; an owner of another"
                + " organisation does not see the case)";
        Map<String, List<Probe>> probes = new HashMap<>(Map.of(
                "listCases", List.of(sides(Probe.list(ZHEJIANG, "/api/v1/rectification-cases",
                        () -> Map.of("inspectionId", of("list").inspectionId()), "caseId", () -> of("list").id()),
                        "list")
                        .described(sides + ", in the list of the caller's own")),
                "getCase", List.of(sides(Probe.resource(ZHEJIANG,
                        (r, home) -> r.get().get(RectificationFlowTest.BASE + of("read").id())), "read")
                        .described(sides)),
                "reportProgress", List.of(sides(Probe.resource(ZHEJIANG, (r, home) -> post(r, "progress",
                        "tasks/T1/progress", "{\"progress\":\"制定整改方案\"}")), "progress").described(sides)),
                "closeTask", List.of(sides(Probe.resource(ZHEJIANG, (r, home) -> post(r, "close",
                        "tasks/T1/close", "{\"evidence\":[\"整改报告-001\"]}")), "close").described(sides)),
                "submitReport", List.of(sides(Probe.resource(ZHEJIANG, (r, home) -> post(r, "report", "report",
                        "{\"summary\":\"问题已完成整改\"}")), "report").described(sides)),
                "filePlan", List.of(sides(Probe.resource(ZHEJIANG, (r, home) -> post(r, "plan", "plan",
                        RectificationFlowTest.plan(of("plan").inspectionId(), CaseAccess.today()))), "plan")
                        .described(sides)),
                "listSignals", List.of(Probe.list(ZHEJIANG, "/api/v1/rectification-signals", Map.of("light", "RED"),
                        "caseId", () -> awaitSignals(of("signals").id()))
                        .actingFor(() -> of("signals").organisationId())
                        .side(Role.RECTIFICATION_OWNER, HANGZHOU)
                        .described(sides + "; fed back 70 days ago, so its two reports are red")),
                "handOverResponsibility", List.of(sides(Probe.resource(ZHEJIANG, (r, home) -> post(r, "handover",
                        "handovers", "{\"from\":\"" + InspectionFeedback.HEAD + "\",\"to\":\"周某\",\"toPost\":"
                                + "\"党委书记\"}")),
                        "handover").described(sides)),
                "submitHeadReport", List.of(sides(Probe.resource(ZHEJIANG, (r, home) -> post(r, "head-report",
                        "head-report", "{\"summary\":\"党委书记履行第一责任人职责\"}")), "head-report")
                        .described(sides)),
                "evaluateRectification", List.of(sides(Probe.resource(ZHEJIANG, (r, home) -> post(r, "evaluation",
                        "evaluation", "{\"deductions\":[],\"remarks\":\"整改到位\"}")), "evaluation")
                        .described(sides))));
        probes.putAll(Map.of(
                "rejectTaskClosure", List.of(sides(Probe.resource(ZHEJIANG, (r, home) -> post(r, "rejection",
                        "tasks/T1/closure-rejection", "{\"reason\":\"佐证不足\"}")), "rejection")
                        .described(sides + "; its T1 closed")),
                "recordSupervisionNote", List.of(sides(Probe.resource(ZHEJIANG, (r, home) -> post(r, "note",
                        "supervision-notes", "{\"note\":\"进度滞后\"}")), "note").described(sides)),
                "recordConsultation", List.of(sides(Probe.resource(ZHEJIANG, (r, home) -> post(r, "consultation",
                        "consultations", "{\"subject\":\"会商\",\"parties\":[\"INSPECTION_OFFICE\","
                                + "\"RECTIFYING_ORGANISATION\"],\"conclusions\":[\"限期完成\"]}")),
                        "consultation").described(sides)),
                "referForAccountability", List.of(sides(Probe.resource(ZHEJIANG, (r, home) -> post(r,
                        "accountability", "accountability", "{\"ground\":\"PERFUNCTORY\",\"description\":"
                                + "\"敷衍整改\",\"persons\":[{\"name\":\"" + InspectionFeedback.HEAD + "\","
                                + "\"post\":\"党委书记\",\"measure\":\"ADMONISHED\"}]}")),
                        "accountability").described(sides + "; evaluated not effective")),
                "publishPublicView", List.of(sides(Probe.resource(ZHEJIANG, (r, home) -> post(r, "publish",
                        "public-view", "{\"summary\":\"已整改\"}")), "publish")
                        .described(sides + "; its report submitted")),
                "getPublicView", List.of(Probe.open(ZHEJIANG, (r, home) -> r.get()
                        .get(RectificationFlowTest.BASE + of("public-view").id() + "/public-view"))
                        .described("the published public view of " + sides + ": public information")),
                "listPublicViews", List.of(Probe.open(ZHEJIANG, (r, home) -> r.get()
                        .get("/api/v1/public-rectification-views"))
                        .described("the published public views of the whole country: public information")),
                "getEvaluationModel", List.of(Probe.open(ZHEJIANG, (r, home) -> r.get()
                        .get("/api/v1/rectification-evaluation-model"))
                        .described("the evaluation model of the caller's level: published rules"))));
        return probes;
    }
}
