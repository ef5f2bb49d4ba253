package io.xunshi.inspection.api;

import static io.restassured.RestAssured.given;
import static io.xunshi.inspection.InspectionFixtures.LEADER_ZJ;
import static io.xunshi.inspection.InspectionFixtures.MEMBER_ZJ;
import static io.xunshi.inspection.InspectionFixtures.OFFICE_ZJ;
import static io.xunshi.inspection.InspectionFixtures.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.xunshi.inspection.InspectionFixtures;
import io.xunshi.inspection.domain.Inspection;
import io.xunshi.inspection.domain.Petition;
import io.xunshi.kernel.security.Role;
import io.xunshi.testing.RealInfrastructureResource;
import io.xunshi.testing.TestTokens;

/**
 * Petitions over REST on real PostgreSQL and Kafka: received while the team is stationed by its own team only,
 * classified; in scope they stay as material, out of scope they are transferred with a due answer, listed while
 * overdue, and answered.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class PetitionLifecycleTest {

    static String petition(String inspectionId, String channel, String receivedOn) {
        return "{\"inspectionId\":\"" + inspectionId + "\",\"channel\":\"" + channel + "\",\"receivedOn\":\""
                + receivedOn + "\",\"summary\":\"反映问题\",\"concerns\":\"某局局长\"}";
    }

    private static Response post(String token, String path, String body) {
        return given().header("Authorization", token).contentType(ContentType.JSON).body(body)
                .post("/api/v1/petitions" + path);
    }

    @Test
    void a_petition_in_scope_stays_material_and_one_out_of_scope_is_transferred_tracked_and_answered() {
        String inspection = InspectionFixtures.inStatus(Inspection.Status.STATIONED);
        // Not before the stationing; not on an inspection of the caller's province but another team's.
        post(MEMBER_ZJ, "", petition(inspection, "VISIT", "2026-03-01")).then().statusCode(422)
                .body("code", equalTo(Petition.DATE_OUT_OF_ORDER));
        String otherTeams = InspectionFixtures.inStatus(Inspection.Status.STATIONED, List.of("deputy-elsewhere"),
                List.of("member-elsewhere"));
        post(MEMBER_ZJ, "", petition(otherTeams, "VISIT", "2026-03-10")).then().statusCode(403);
        post(MEMBER_ZJ, "", petition(InspectionFixtures.inStatus(Inspection.Status.PREPARING), "VISIT",
                "2026-03-10")).then().statusCode(409)
                .body("code", equalTo(Petition.INSPECTION_NOT_STATIONED));
        post(MEMBER_ZJ, "", petition("no-such-inspection", "VISIT", "2026-03-10")).then().statusCode(404);

        String inScope = post(MEMBER_ZJ, "", petition(inspection, "VISIT", "2026-03-10")).then().statusCode(201)
                .body("reporterSubject", nullValue()).extract().path("petitionId");
        post(MEMBER_ZJ, "/" + inScope + "/classification", "{\"scope\":\"LEADERSHIP_TEAM\"}").then().statusCode(403);
        post(LEADER_ZJ, "/" + inScope + "/classification", "{\"scope\":\"LEADERSHIP_TEAM\",\"classifiedOn\":"
                + "\"2026-03-11\"}").then().statusCode(200).body("status", equalTo("IN_SCOPE"));
        post(LEADER_ZJ, "/" + inScope + "/transfer", "{\"department\":\"市信访局\"}").then().statusCode(409)
                .body("code", equalTo(Petition.NOT_OUT_OF_SCOPE));

        // Transferred a long time ago, so that its answer is overdue today.
        String out = post(MEMBER_ZJ, "", petition(inspection, "ONLINE", "2026-03-10")).then().statusCode(201)
                .extract().path("petitionId");
        post(LEADER_ZJ, "/" + out + "/classification", "{\"scope\":\"OUT_OF_SCOPE\",\"classifiedOn\":\"2026-03-11\"}")
                .then().statusCode(200).body("status", equalTo("OUT_OF_SCOPE"));
        post(OFFICE_ZJ, "/" + out + "/transfer", "{\"department\":\"市信访局\",\"transferredOn\":\"2026-03-12\"}").then()
                .statusCode(200).body("status", equalTo("TRANSFERRED")).body("answerDue", equalTo("2026-04-11"));
        await().atMost(WAIT).until(() -> given().header("Authorization", OFFICE_ZJ).queryParam("answerOverdue", true)
                .queryParam("inspectionId", inspection).get("/api/v1/petitions").jsonPath()
                .getList("items.petitionId").contains(out));
        assertThat(given().header("Authorization", OFFICE_ZJ).queryParam("inspectionId", inspection)
                .get("/api/v1/petitions").jsonPath().getList("items.petitionId", String.class))
                .containsExactly(inScope, out);
        // Another province sees none of them.
        assertThat(given().header("Authorization", TestTokens.bearer(Role.INSPECTION_OFFICE, "320000"))
                .queryParam("inspectionId", inspection).get("/api/v1/petitions").jsonPath().getList("items"))
                .isEmpty();

        post(LEADER_ZJ, "/" + out + "/answer", "{\"answer\":\"已督促属地街道解决\",\"answeredOn\":\""
                + LocalDate.of(2026, 4, 20) + "\"}").then().statusCode(200).body("status", equalTo("ANSWERED"))
                .body("answeredLate", equalTo(true));
        post(LEADER_ZJ, "/" + out + "/answer", "{\"answer\":\"again\"}").then().statusCode(409)
                .body("code", equalTo(Petition.NOT_TRANSFERRED));
        await().atMost(WAIT).until(() -> !given().header("Authorization", OFFICE_ZJ).queryParam("answerOverdue", true)
                .queryParam("inspectionId", inspection).get("/api/v1/petitions").jsonPath()
                .getList("items.petitionId").contains(out));
        given().header("Authorization", TestTokens.bearer("auditor-1", Set.of(Role.AUDITOR), "330000"))
                .get("/api/v1/petitions/" + out).then().statusCode(200).body("answer", equalTo("已督促属地街道解决"));
    }
}
