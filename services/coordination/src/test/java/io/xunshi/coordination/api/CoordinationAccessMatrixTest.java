package io.xunshi.coordination.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.xunshi.contracts.EventCatalog;
import io.xunshi.contracts.inspection.InspectionOpened;
import io.xunshi.contracts.planning.RoundKind;
import io.xunshi.kernel.security.Role;
import io.xunshi.testing.CloudEventsOnKafka;
import io.xunshi.testing.RealInfrastructureResource;
import io.xunshi.testing.TestTokens;
import io.xunshi.testing.access.AccessMatrixContract;
import io.xunshi.testing.access.KernelProbes;
import io.xunshi.testing.access.Probe;

/**
 * Coordination's authorisation matrix, generated from contracts/openapi/coordination.yaml: an organisation
 * managed by Guangdong (440000), registered through the API; the jurisdiction tree, open to every role; the
 * import, the Centre's alone (an empty table, which passes the access checks and is refused as malformed);
 * and roll-ups around an inspection of Qinghai (630000), published on the inspection topic as the inspection
 * service does. No other test uses Qinghai, Gansu (620000) or Xining (630100), so a roll-up of the caller's
 * own jurisdiction counts an inspection exactly when it holds Qinghai's.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class CoordinationAccessMatrixTest extends AccessMatrixContract {

    static final String GUANGDONG = OrganisationApiTest.GUANGDONG;
    static final String QINGHAI = "630000";

    private static String organisation;
    private static boolean inspected;

    private static synchronized String organisation() {
        if (organisation == null) {
            String id = OrganisationApiTest.registered("广东省矩阵测试单位", GUANGDONG);
            // The list is a projection of the events, a moment behind the registration.
            String office = TestTokens.bearer(Role.INSPECTION_OFFICE, GUANGDONG);
            await().atMost(Duration.ofSeconds(60)).until(() -> listed(office, id));
            organisation = id;
        }
        return organisation;
    }

    /** Whether the organisation is on any page of the caller's list. */
    private static boolean listed(String token, String id) {
        String cursor = null;
        do {
            var request = given().header("Authorization", token).queryParam("limit", 200);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get("/api/v1/organisations").jsonPath();
            if (page.getList("items.id").contains(id)) {
                return true;
            }
            cursor = page.getString("next");
        } while (cursor != null);
        return false;
    }

    /** An inspection opened by Qinghai, counted in its roll-up before the first probe reads one. */
    private static synchronized void inspected() {
        if (!inspected) {
            String id = "inspection-" + UUID.randomUUID();
            String type = EventCatalog.entries().stream().filter(e -> e.record().equals(InspectionOpened.class))
                    .findFirst().orElseThrow().cloudEventType();
            CloudEventsOnKafka.publish("xunshi.inspection.events", CloudEventsOnKafka.event(type, id)
                    .jurisdiction(QINGHAI).aggregateType("Inspection").version(1)
                    .data(new InspectionOpened(id, "round-" + id, "plan-qh", QINGHAI, RoundKind.REGULAR, "省委第一巡视组",
                            "org-" + id, "青海省某单位", QINGHAI, QINGHAI, LocalDate.of(2026, 3, 1),
                            LocalDate.of(2026, 5, 1))));
            String office = TestTokens.bearer(Role.INSPECTION_OFFICE, QINGHAI);
            await().atMost(Duration.ofSeconds(60)).until(() -> given().header("Authorization", office)
                    .get("/api/v1/jurisdictions/" + QINGHAI + "/roll-up").jsonPath().getLong("inspections.total") > 0);
            inspected = true;
        }
    }

    @Override
    protected String service() {
        return "coordination";
    }

    @Override
    protected List<String> roles() {
        return Role.ALL;
    }

    @Override
    protected Map<String, List<Probe>> kernelProbes() {
        return KernelProbes.of("inspection-roll-up", "xunshi.inspection.events",
                "xunshi.inspection.InspectionStationed.v1");
    }

    @Override
    protected Map<String, List<Probe>> probes() {
        String organisations = "/api/v1/organisations";
        return Map.of(
                "listJurisdictions", List.of(Probe.open(GUANGDONG, (r, home) -> r.get().queryParam("parent", GUANGDONG)
                        .get("/api/v1/jurisdictions")).described("?parent=440000 (Guangdong): the tree is open")),
                "getJurisdiction", List.of(Probe.open("330106", (r, home) -> r.get()
                        .get("/api/v1/jurisdictions/330106")).described("Hangzhou's Xihu district (330106)")),
                "importJurisdictions", List.of(Probe.create("000000", (r, home) -> r.get()
                        .contentType(ContentType.JSON)
                        .body("{\"source\":\"matrix\",\"provinces\":\"\",\"cities\":\"\",\"areas\":\"\"}")
                        .post("/api/v1/jurisdictions/imports")).described("the Centre's (000000) tree")),
                "getRollUp", List.of(
                        Probe.resource(QINGHAI,
                                (r, home) -> r.get().get("/api/v1/jurisdictions/" + QINGHAI + "/roll-up"))
                                .described("Qinghai's (630000) roll-up"),
                        Probe.view(QINGHAI, (r, home) -> {
                            inspected();
                            return r.get().get("/api/v1/jurisdictions/" + home + "/roll-up");
                        }, response -> response.jsonPath().getLong("inspections.total") > 0)
                                .described("the roll-up of the caller's own jurisdiction, counting an inspection"
                                        + " by Qinghai (630000)")),
                "registerOrganisation", List.of(Probe.create(GUANGDONG, (r, home) -> r.get()
                        .contentType(ContentType.JSON)
                        .body(OrganisationApiTest.body("矩阵登记单位", "PUBLIC_INSTITUTION", GUANGDONG))
                        .post(organisations)).described("an organisation managed by Guangdong (440000)")),
                "listOrganisations", List.of(
                        Probe.list(GUANGDONG, organisations, Map.of(), "id", CoordinationAccessMatrixTest::organisation)
                                .described("a Guangdong organisation, in the list of the caller's own subtree"),
                        Probe.filteredList(GUANGDONG, (r, home) -> r.get().queryParam("jurisdiction", GUANGDONG)
                                .get(organisations)).described("?jurisdiction=440000 (Guangdong)")),
                "getOrganisation", List.of(Probe.resource(GUANGDONG,
                        (r, home) -> r.get().get(organisations + "/" + organisation()))
                        .described("an organisation managed by Guangdong (440000)")),
                "renameOrganisation", List.of(Probe.resource(GUANGDONG, (r, home) -> r.get()
                        .contentType(ContentType.JSON).body("{\"name\":\"矩阵改名 " + System.nanoTime() + "\"}")
                        .put(organisations + "/" + organisation() + "/name"))
                        .described("an organisation managed by Guangdong (440000)")));
    }
}
