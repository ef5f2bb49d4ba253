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
import io.xunshi.inspection.domain.Petition;
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
        return postTo(request, otherTeams(action, status), action, body);
    }

    private static String cadre;
    private static String team;

    private static synchronized String cadre() {
        if (cadre == null) {
            cadre = InspectionFixtures.cadre("王强", "matrix-cadre-" + java.util.UUID.randomUUID(), false);
        }
        return cadre;
    }

    private static String listedCadre;

    /** A cadre the pool's list shows (the read model follows the store within about a second). */
    private static synchronized String listedCadre() {
        if (listedCadre == null) {
            String id = cadre();
            org.awaitility.Awaitility.await().atMost(InspectionFixtures.WAIT).until(() -> io.restassured.RestAssured
                    .given().header("Authorization", InspectionFixtures.OFFICE_ZJ).queryParam("expertise", "财务")
                    .queryParam("limit", 200).get("/api/v1/cadres").jsonPath().getList("items.cadreId").contains(id)
                    || cadreListed(id));
            listedCadre = id;
        }
        return listedCadre;
    }

    private static boolean cadreListed(String id) {
        String cursor = null;
        do {
            var request = io.restassured.RestAssured.given().header("Authorization", InspectionFixtures.OFFICE_ZJ)
                    .queryParam("limit", 200);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get("/api/v1/cadres").jsonPath();
            if (page.getList("items.cadreId").contains(id)) {
                return true;
            }
            cursor = page.getString("next");
        } while (cursor != null);
        return false;
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

    private static final String BRIEFING = "{\"source\":\"AUDIT\",\"department\":\"浙江省审计厅\","
            + "\"receivedOn\":\"2026-02-20\",\"summary\":\"通报审计发现的问题\"}";

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

    /** Findings awaiting review or sent back, by probe: the first allowed call reviews or revises, later ones 409. */
    private static final Map<String, String> drafts = new HashMap<>();

    private static synchronized String draft(String probe, boolean ownTeam, boolean sentBack) {
        return drafts.computeIfAbsent(probe, p -> ownTeam
                ? InspectionFixtures.draftedFinding(InspectionFixtures.DEPUTIES, InspectionFixtures.MEMBERS, sentBack)
                : InspectionFixtures.draftedFinding(OTHER_DEPUTIES, OTHER_MEMBERS, sentBack));
    }

    private static final String REVISION = "{\"focusArea\":\"GOVERNANCE_RESPONSIBILITY\",\"description\":\"主体责任"
            + "落实不到位，补充\",\"severity\":\"SERIOUS\",\"evidence\":[\"谈话记录 12\",\"会议纪要\"],\"rule\":"
            + "\"《中国共产党问责条例》第七条\",\"responsible\":\"党委书记\"}";

    private static Response onFinding(Supplier<RequestSpecification> request, String finding, String action,
            String body) {
        return request.get().contentType(ContentType.JSON).body(body)
                .post("/api/v1/inspections/" + finding + "/" + action);
    }

    /** Petitions by probe, on a stationed inspection of the fixtures' team, moved on as far as {@code stage}. */
    private static final Map<String, String> petitions = new HashMap<>();
    private static String petitionInspection;
    private static String otherPetitionInspection;
    private static String listedPetition;

    private static synchronized String petitionInspection(boolean ownTeam) {
        if (ownTeam && petitionInspection == null) {
            petitionInspection = InspectionFixtures.inStatus(Inspection.Status.STATIONED);
        } else if (!ownTeam && otherPetitionInspection == null) {
            otherPetitionInspection = InspectionFixtures.inStatus(Inspection.Status.STATIONED, OTHER_DEPUTIES,
                    OTHER_MEMBERS);
        }
        return ownTeam ? petitionInspection : otherPetitionInspection;
    }

    private static String petitionRequest(String inspectionId) {
        return "{\"inspectionId\":\"" + inspectionId + "\",\"channel\":\"LETTER\",\"receivedOn\":\"2026-03-10\","
                + "\"summary\":\"反映问题\",\"reporter\":{\"name\":\"王某\",\"contact\":\"13800000000\"}}";
    }

    /** RECEIVED, OUT_OF_SCOPE or TRANSFERRED, of the own team's inspection or another team's. */
    private static synchronized String petition(String probe, Petition.PetitionStatus stage, boolean ownTeam) {
        return petitions.computeIfAbsent(probe, p -> {
            String id = io.restassured.RestAssured.given().header("Authorization", InspectionFixtures.OFFICE_ZJ)
                    .contentType(ContentType.JSON).body(petitionRequest(petitionInspection(ownTeam)))
                    .post("/api/v1/petitions").then().statusCode(201).extract().path("petitionId");
            if (stage != Petition.PetitionStatus.RECEIVED) {
                petitionStep(id, "classification", "{\"scope\":\"OUT_OF_SCOPE\",\"classifiedOn\":\"2026-03-11\"}");
            }
            if (stage == Petition.PetitionStatus.TRANSFERRED) {
                petitionStep(id, "transfer", "{\"department\":\"市信访局\",\"transferredOn\":\"2026-03-12\"}");
            }
            return id;
        });
    }

    private static void petitionStep(String id, String action, String body) {
        io.restassured.RestAssured.given().header("Authorization", InspectionFixtures.OFFICE_ZJ)
                .contentType(ContentType.JSON).body(body).post("/api/v1/petitions/" + id + "/" + action).then()
                .statusCode(200);
    }

    private static synchronized String listedPetition() {
        if (listedPetition == null) {
            String id = petition("listed", Petition.PetitionStatus.RECEIVED, true);
            // Read outside the lambda: awaitility polls on another thread, which this class's lock would block.
            String inspectionId = petitionInspection(true);
            org.awaitility.Awaitility.await().atMost(InspectionFixtures.WAIT).until(() -> io.restassured.RestAssured
                    .given().header("Authorization", InspectionFixtures.OFFICE_ZJ)
                    .queryParam("inspectionId", inspectionId).get("/api/v1/petitions").jsonPath()
                    .getList("items.petitionId").contains(id));
            listedPetition = id;
        }
        return listedPetition;
    }

    private static Response onPetition(Supplier<RequestSpecification> request, String id, String action,
            String body) {
        return request.get().contentType(ContentType.JSON).body(body)
                .post("/api/v1/petitions/" + id + "/" + action);
    }

    /** Clues by probe, handed over by a clue officer for a stationed inspection of the fixtures' team. */
    private static final Map<String, String> clues = new HashMap<>();
    private static String listedClue;

    private static synchronized String clue(String probe, String category) {
        return clues.computeIfAbsent(probe, p -> io.restassured.RestAssured.given()
                .header("Authorization", io.xunshi.testing.TestTokens.bearer(Role.CLUE_OFFICER, ZHEJIANG))
                .contentType(ContentType.JSON).body(ClueLifecycleTest.clue(petitionInspection(true), category,
                        "2026-03-20", List.of()))
                .post("/api/v1/clues").then().statusCode(201).extract().path("clueId"));
    }

    private static synchronized String listedClue() {
        if (listedClue == null) {
            String id = clue("listed", "DISCIPLINE_VIOLATION");
            String inspectionId = petitionInspection(true);
            org.awaitility.Awaitility.await().atMost(InspectionFixtures.WAIT).until(() -> io.restassured.RestAssured
                    .given().header("Authorization", io.xunshi.testing.TestTokens.bearer(Role.CLUE_OFFICER, ZHEJIANG))
                    .queryParam("inspectionId", inspectionId).get("/api/v1/clues").jsonPath()
                    .getList("items.clueId").contains(id));
            listedClue = id;
        }
        return listedClue;
    }

    /** The inspection of {@link #finding()}: stationed, with one finding. */
    private static synchronized String findingInspection() {
        String f = finding();
        return f.substring(0, f.indexOf('/'));
    }

    private static synchronized String finding() {
        if (finding == null) {
            String id = InspectionFixtures.inStatus(Inspection.Status.STATIONED);
            String findingId = InspectionFixtures.post(InspectionFixtures.MEMBER_ZJ, id, "findings",
                    InspectionFixtures.FINDING).then().statusCode(201).extract().path("findingId");
            InspectionFixtures.post(InspectionFixtures.LEADER_ZJ, id, "findings/" + findingId + "/review",
                    InspectionFixtures.APPROVE).then().statusCode(200);
            finding = id + "/findings/" + findingId;
        }
        return finding;
    }

    private static Response post(Supplier<RequestSpecification> request, Inspection.Status status, String action,
            String body) {
        return postTo(request, inspection(action, status), action, body);
    }

    private static Response postTo(Supplier<RequestSpecification> request, String id, String action, String body) {
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
                Map.entry("recordBriefing", List.of(Probe.resource(ZHEJIANG,
                        (r, home) -> post(r, Inspection.Status.PREPARING, "briefings", BRIEFING))
                        .described("a Zhejiang inspection in preparation, its team the caller's"),
                        Probe.resource(ZHEJIANG,
                                (r, home) -> postOther(r, Inspection.Status.PREPARING, "briefings", BRIEFING))
                                .refusedTo(Role.TEAM_LEADER)
                                .described("a Zhejiang inspection in preparation, of another team"))),
                Map.entry("recordFinding", List.of(Probe.resource(ZHEJIANG,
                        (r, home) -> post(r, Inspection.Status.STATIONED, "findings", InspectionFixtures.FINDING))
                        .described("a stationed Zhejiang inspection, its team the caller's"),
                        Probe.resource(ZHEJIANG, (r, home) -> postOther(r, Inspection.Status.STATIONED, "findings",
                                InspectionFixtures.FINDING)).refusedTo(Role.TEAM_LEADER, Role.TEAM_MEMBER)
                                .described("a stationed Zhejiang inspection of another team"))),
                Map.entry("receivePetition", List.of(Probe.resource(ZHEJIANG, (r, home) -> r.get()
                        .contentType(ContentType.JSON).body(petitionRequest(petitionInspection(true)))
                        .post("/api/v1/petitions")).described("a petition for a stationed Zhejiang inspection, its"
                                + " team the caller's"),
                        Probe.resource(ZHEJIANG, (r, home) -> r.get().contentType(ContentType.JSON)
                                .body(petitionRequest(petitionInspection(false))).post("/api/v1/petitions"))
                                .refusedTo(Role.TEAM_LEADER, Role.TEAM_MEMBER)
                                .described("a petition for a stationed Zhejiang inspection of another team"))),
                Map.entry("listPetitions", List.of(
                        Probe.list(ZHEJIANG, "/api/v1/petitions", Map.of(), "petitionId",
                                InspectionAccessMatrixTest::listedPetition)
                                .described(
                                        "a petition of a Zhejiang inspection, in the list of the caller's own subtree"),
                        Probe.filteredList(ZHEJIANG, (r, home) -> r.get().queryParam("jurisdiction", ZHEJIANG)
                                .get("/api/v1/petitions")).described("?jurisdiction=330000 (Zhejiang)"))),
                Map.entry("getPetition", List.of(Probe.resource(ZHEJIANG, (r, home) -> r.get().get("/api/v1/petitions/"
                        + petition("read", Petition.PetitionStatus.RECEIVED, true)))
                        .described("a petition of a Zhejiang inspection"))),
                Map.entry("classifyPetition", List.of(Probe.resource(ZHEJIANG, (r, home) -> onPetition(r,
                        petition("classify", Petition.PetitionStatus.RECEIVED, true), "classification",
                        "{\"scope\":\"KEY_POST_OFFICIAL\"}"))
                        .described("a petition received by the caller's team (classified once; then 409)"),
                        Probe.resource(ZHEJIANG,
                                (r, home) -> onPetition(r,
                                        petition("classify-other", Petition.PetitionStatus.RECEIVED, false),
                                        "classification", "{\"scope\":\"KEY_POST_OFFICIAL\"}"))
                                .refusedTo(Role.TEAM_LEADER)
                                .described("a petition received by another team"))),
                Map.entry("transferPetition", List.of(Probe.resource(ZHEJIANG, (r, home) -> onPetition(r,
                        petition("transfer", Petition.PetitionStatus.OUT_OF_SCOPE, true), "transfer",
                        "{\"department\":\"市信访局\"}"))
                        .described("a petition out of scope, the caller's team's (transferred once; then 409)"),
                        Probe.resource(ZHEJIANG,
                                (r, home) -> onPetition(r,
                                        petition("transfer-other", Petition.PetitionStatus.OUT_OF_SCOPE,
                                                false),
                                        "transfer", "{\"department\":\"市信访局\"}"))
                                .refusedTo(Role.TEAM_LEADER)
                                .described("a petition out of scope, another team's"))),
                Map.entry("recordTransferAnswer", List.of(Probe.resource(ZHEJIANG, (r, home) -> onPetition(r,
                        petition("answer", Petition.PetitionStatus.TRANSFERRED, true), "answer",
                        "{\"answer\":\"已解决\"}"))
                        .described("a transferred petition, the caller's team's (answered once; then 409)"),
                        Probe.resource(ZHEJIANG,
                                (r, home) -> onPetition(r, petition("answer-other", Petition.PetitionStatus.TRANSFERRED,
                                        false), "answer", "{\"answer\":\"已解决\"}"))
                                .refusedTo(Role.TEAM_LEADER)
                                .described("a transferred petition, another team's"))),
                Map.entry("openReporterIdentity", List.of(Probe.resource(ZHEJIANG, (r, home) -> onPetition(r,
                        petition("identity", Petition.PetitionStatus.RECEIVED, true), "identity-openings",
                        "{\"reason\":\"核实身份\"}"))
                        .described("a petition of a Zhejiang inspection with a reporter (every opening recorded)"))),
                Map.entry("listIdentityOpenings", List.of(Probe.resource(ZHEJIANG, (r, home) -> r.get()
                        .get("/api/v1/petitions/" + petition("openings", Petition.PetitionStatus.RECEIVED, true)
                                + "/identity-openings"))
                        .described("a petition of a Zhejiang inspection"))),
                Map.entry("eraseReporter", List.of(Probe.resource(ZHEJIANG, (r, home) -> onPetition(r,
                        petition("erase", Petition.PetitionStatus.RECEIVED, true), "reporter-erasure",
                        "{\"reason\":\"本人申请\"}"))
                        .described("a petition of a Zhejiang inspection with a reporter (erased once; then 409)"))),
                Map.entry("handOverClue", List.of(Probe.resource(ZHEJIANG, (r, home) -> r.get()
                        .contentType(ContentType.JSON).body(ClueLifecycleTest.clue(petitionInspection(true),
                                "DISCIPLINE_VIOLATION", "2026-03-20", List.of()))
                        .post("/api/v1/clues")).described("a clue of a stationed Zhejiang inspection, its team the"
                                + " caller's"),
                        Probe.resource(ZHEJIANG, (r, home) -> r.get().contentType(ContentType.JSON)
                                .body(ClueLifecycleTest.clue(petitionInspection(false), "DISCIPLINE_VIOLATION",
                                        "2026-03-20", List.of()))
                                .post("/api/v1/clues")).refusedTo(Role.TEAM_LEADER)
                                .described("a clue of a stationed Zhejiang inspection of another team"))),
                Map.entry("listClues", List.of(
                        Probe.list(ZHEJIANG, "/api/v1/clues", Map.of(), "clueId",
                                InspectionAccessMatrixTest::listedClue)
                                .hiddenFrom(Role.ORGANISATION_LIAISON)
                                .described("a clue for the discipline organ, in the list of the caller's own subtree"),
                        Probe.filteredList(ZHEJIANG, (r, home) -> r.get().queryParam("jurisdiction", ZHEJIANG)
                                .get("/api/v1/clues")).described("?jurisdiction=330000 (Zhejiang)"))),
                Map.entry("getClue", List.of(Probe.resource(ZHEJIANG, (r, home) -> r.get().get("/api/v1/clues/"
                        + clue("read", "DISCIPLINE_VIOLATION"))).hiddenFrom(Role.ORGANISATION_LIAISON)
                        .described("a clue for the discipline organ"),
                        Probe.resource(ZHEJIANG, (r, home) -> r.get().get("/api/v1/clues/"
                                + clue("read-cadres", "CADRE_SELECTION"))).hiddenFrom(Role.DISCIPLINE_LIAISON)
                                .described("a clue for the organisation department"))),
                Map.entry("acknowledgeClue", List.of(Probe.resource(ZHEJIANG, (r, home) -> r.get()
                        .contentType(ContentType.JSON).body("{}").post("/api/v1/clues/"
                                + clue("acknowledge", "DISCIPLINE_VIOLATION") + "/acknowledgement"))
                        .hiddenFrom(Role.ORGANISATION_LIAISON)
                        .described("a clue for the discipline organ (acknowledged once; then 409)"))),
                Map.entry("reportClueDisposition", List.of(Probe.resource(ZHEJIANG, (r, home) -> r.get()
                        .contentType(ContentType.JSON).body("{\"disposition\":\"PRELIMINARY_CHECK\",\"summary\":"
                                + "\"已启动初步核实\"}")
                        .post("/api/v1/clues/" + clue("dispose", "CADRE_SELECTION")
                                + "/disposition"))
                        .hiddenFrom(Role.DISCIPLINE_LIAISON)
                        .described("a clue for the organisation department (disposed of once; then 409)"))),
                Map.entry("reviewFinding", List.of(Probe.resource(ZHEJIANG, (r, home) -> onFinding(r,
                        draft("review", true, false), "review", InspectionFixtures.APPROVE))
                        .described("a working paper awaiting review, its team the caller's (approved once; then 409)"),
                        Probe.resource(ZHEJIANG, (r, home) -> onFinding(r, draft("review-other", false, false),
                                "review", InspectionFixtures.APPROVE)).refusedTo(Role.TEAM_LEADER)
                                .described("a working paper of another team's inspection"))),
                Map.entry("reviseFinding", List.of(Probe.resource(ZHEJIANG, (r, home) -> onFinding(r,
                        draft("revise", true, true), "revision", REVISION))
                        .described("a working paper sent back, its team the caller's (revised once; then 409)"),
                        Probe.resource(ZHEJIANG, (r, home) -> onFinding(r, draft("revise-other", false, true),
                                "revision", REVISION)).refusedTo(Role.TEAM_LEADER, Role.TEAM_MEMBER)
                                .described("a working paper sent back, of another team's inspection"))),
                Map.entry("getFinding", List.of(Probe.resource(ZHEJIANG,
                        (r, home) -> r.get().get("/api/v1/inspections/" + finding()))
                        .described("a finding of a Zhejiang inspection"))),
                Map.entry("reportInspection", List.of(Probe.resource(ZHEJIANG, (r, home) -> post(r,
                        Inspection.Status.STATIONED, "report", "{\"summary\":\"报告\"}"))
                        .described("a stationed Zhejiang inspection, its team the caller's"),
                        Probe.resource(ZHEJIANG, (r, home) -> postOther(r, Inspection.Status.STATIONED, "report",
                                "{\"summary\":\"报告\"}")).refusedTo(Role.TEAM_LEADER)
                                .described("a stationed Zhejiang inspection of another team"))),
                Map.entry("submitThematicReport", List.of(Probe.resource(ZHEJIANG, (r, home) -> {
                    String id = findingInspection();
                    return r.get().contentType(ContentType.JSON).body("{\"title\":\"专题报告\",\"summary\":\"普遍存在\","
                            + "\"findingIds\":[\"" + finding().substring(finding().lastIndexOf('/') + 1) + "\"]}")
                            .post("/api/v1/inspections/" + id + "/thematic-reports");
                }).described("a stationed Zhejiang inspection with a finding, its team the caller's"),
                        Probe.resource(ZHEJIANG, (r, home) -> postOther(r, Inspection.Status.STATIONED,
                                "thematic-reports", "{\"title\":\"专题报告\",\"summary\":\"x\",\"findingIds\":[\"f\"]}"))
                                .refusedTo(Role.TEAM_LEADER)
                                .described("a stationed Zhejiang inspection of another team"))),
                Map.entry("giveHeadFeedback", List.of(Probe.resource(ZHEJIANG, (r, home) -> post(r,
                        Inspection.Status.REPORTED, "head-feedback", "{\"organisationHead\":\"张三\"}"))
                        .described("a reported Zhejiang inspection, its team the caller's (given once; then 409)"),
                        Probe.resource(ZHEJIANG, (r, home) -> postOther(r, Inspection.Status.REPORTED, "head-feedback",
                                "{\"organisationHead\":\"张三\"}")).refusedTo(Role.TEAM_LEADER)
                                .described("a reported Zhejiang inspection of another team"))),
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
                Map.entry("listCadres", List.of(
                        Probe.list(ZHEJIANG, "/api/v1/cadres", Map.of(), "cadreId",
                                InspectionAccessMatrixTest::listedCadre)
                                .described("a cadre of Zhejiang's pool, in the list of the caller's own subtree"),
                        Probe.filteredList(ZHEJIANG, (r, home) -> r.get().queryParam("jurisdiction", ZHEJIANG)
                                .get("/api/v1/cadres")).described("?jurisdiction=330000 (Zhejiang)"))),
                Map.entry("suggestTeam", List.of(Probe.resource(ZHEJIANG, (r, home) -> r.get()
                        .queryParam("inspectionId", inspection("suggest", Inspection.Status.PREPARING))
                        .queryParam("expertise", "财务").get("/api/v1/cadres/suggestions"))
                        .described("a Zhejiang inspection in preparation"))),
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
