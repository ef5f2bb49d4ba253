package io.xunshi.inspection.api;

import static io.restassured.RestAssured.given;
import static io.xunshi.inspection.InspectionFixtures.LEADER_ZJ;
import static io.xunshi.inspection.InspectionFixtures.MEMBER_ZJ;
import static io.xunshi.inspection.InspectionFixtures.WAIT;
import static io.xunshi.inspection.InspectionFixtures.ZHEJIANG;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.xunshi.inspection.InspectionFixtures;
import io.xunshi.inspection.application.Clues;
import io.xunshi.inspection.domain.Clue;
import io.xunshi.inspection.domain.Inspection;
import io.xunshi.kernel.security.Role;
import io.xunshi.testing.RealInfrastructureResource;
import io.xunshi.testing.TestTokens;

/**
 * Problem clues over REST on real PostgreSQL and Kafka: handed over by the own team's leader to the receiver the
 * category names, seen only by clue officers and that receiver's liaison, acknowledged and disposed of by it; open past
 * their due date they are on the overdue list until disposed of.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class ClueLifecycleTest {

    static final String CLUE_OFFICER_ZJ = TestTokens.bearer(Role.CLUE_OFFICER, ZHEJIANG);
    static final String DISCIPLINE_ZJ = TestTokens.bearer(Role.DISCIPLINE_LIAISON, ZHEJIANG);
    static final String ORGANISATION_ZJ = TestTokens.bearer(Role.ORGANISATION_LIAISON, ZHEJIANG);

    static String clue(String inspectionId, String category, String handedOverOn, List<String> petitionIds) {
        return "{\"inspectionId\":\"" + inspectionId + "\",\"category\":\"" + category + "\",\"receiverUnit\":"
                + "\"省纪委监委第三监督检查室\",\"summary\":\"反映某局局长违规插手工程项目\",\"concerns\":\"某局局长\","
                + "\"petitionIds\":" + petitionIds.stream().map(p -> "\"" + p + "\"").toList() + ",\"handedOverOn\":\""
                + handedOverOn + "\"}";
    }

    private static Response post(String token, String path, String body) {
        return given().header("Authorization", token).contentType(ContentType.JSON).body(body)
                .post("/api/v1/clues" + path);
    }

    private static List<String> overdue(String token, String inspectionId) {
        return given().header("Authorization", token).queryParam("overdue", true).queryParam("inspectionId",
                inspectionId).get("/api/v1/clues").jsonPath().getList("items.clueId", String.class);
    }

    @Test
    void a_clue_goes_to_its_receiver_who_alone_with_the_clue_officers_sees_it_and_closes_its_loop() {
        String inspection = InspectionFixtures.inStatus(Inspection.Status.STATIONED);
        String petition = given().header("Authorization", MEMBER_ZJ).contentType(ContentType.JSON)
                .body(PetitionLifecycleTest.petition(inspection, "LETTER", "2026-03-10")).post("/api/v1/petitions")
                .then().statusCode(201).extract().path("petitionId");
        String elsewhere = InspectionFixtures.inStatus(Inspection.Status.STATIONED, List.of("deputy-other-clues"),
                List.of("member-other-clues"));

        // Who may hand over: the own team's leaders and clue officers; not a member, not another team's leader.
        post(MEMBER_ZJ, "", clue(inspection, "DISCIPLINE_VIOLATION", "2026-03-20", List.of())).then().statusCode(403);
        post(LEADER_ZJ, "", clue(elsewhere, "DISCIPLINE_VIOLATION", "2026-03-20", List.of())).then().statusCode(403);
        post(LEADER_ZJ, "", clue(inspection, "DISCIPLINE_VIOLATION", "2026-03-20", List.of("no-such-petition")))
                .then().statusCode(422).body("code", equalTo(Clues.PETITION_UNKNOWN));
        post(LEADER_ZJ, "", clue(InspectionFixtures.inStatus(Inspection.Status.PREPARING), "OTHER", "2026-03-20",
                List.of())).then().statusCode(409);

        // Handed over long ago: due three months later, so it is overdue today.
        Response discipline = post(LEADER_ZJ, "", clue(inspection, "DISCIPLINE_VIOLATION", "2026-03-20",
                List.of(petition)));
        discipline.then().statusCode(201).body("receiver", equalTo("DISCIPLINE_ORGAN"))
                .body("dueOn", equalTo("2026-06-20")).body("status", equalTo("HANDED_OVER"))
                .body("petitionIds[0]", equalTo(petition));
        String disciplineClue = discipline.jsonPath().getString("clueId");
        String cadreClue = post(CLUE_OFFICER_ZJ, "", clue(inspection, "CADRE_SELECTION", "2026-03-20", List.of()))
                .then().statusCode(201).body("receiver", equalTo("ORGANISATION_DEPARTMENT")).extract().path("clueId");

        // Confidential: each liaison sees its receiver's clue only; the team and auditors none.
        given().header("Authorization", DISCIPLINE_ZJ).get("/api/v1/clues/" + disciplineClue).then().statusCode(200);
        given().header("Authorization", DISCIPLINE_ZJ).get("/api/v1/clues/" + cadreClue).then().statusCode(404);
        given().header("Authorization", ORGANISATION_ZJ).get("/api/v1/clues/" + cadreClue).then().statusCode(200);
        given().header("Authorization", ORGANISATION_ZJ).get("/api/v1/clues/" + disciplineClue).then().statusCode(404);
        given().header("Authorization", LEADER_ZJ).get("/api/v1/clues/" + disciplineClue).then().statusCode(403);
        given().header("Authorization", TestTokens.bearer(Role.AUDITOR, ZHEJIANG)).get("/api/v1/clues").then()
                .statusCode(403);
        given().header("Authorization", TestTokens.bearer(Role.CLUE_OFFICER, "320000"))
                .get("/api/v1/clues/" + disciplineClue).then().statusCode(404);

        await().atMost(WAIT).until(() -> overdue(CLUE_OFFICER_ZJ, inspection).containsAll(List.of(disciplineClue,
                cadreClue)));
        org.assertj.core.api.Assertions.assertThat(overdue(DISCIPLINE_ZJ, inspection)).containsExactly(disciplineClue);

        post(DISCIPLINE_ZJ, "/" + disciplineClue + "/acknowledgement", "{\"acknowledgedOn\":\"2026-03-22\"}").then()
                .statusCode(200).body("status", equalTo("ACKNOWLEDGED"));
        post(DISCIPLINE_ZJ, "/" + disciplineClue + "/acknowledgement", "{}").then().statusCode(409)
                .body("code", equalTo(Clue.ALREADY_ACKNOWLEDGED));
        post(ORGANISATION_ZJ, "/" + disciplineClue + "/disposition", "{\"disposition\":\"CASE_OPENED\",\"summary\":"
                + "\"x\"}").then().statusCode(404);
        post(DISCIPLINE_ZJ, "/" + disciplineClue + "/disposition", "{\"disposition\":\"PRELIMINARY_CHECK\","
                + "\"summary\":\"已启动初步核实\",\"disposedOn\":\"2026-07-01\"}").then().statusCode(200)
                .body("status", equalTo("DISPOSED")).body("late", equalTo(true)).body("overdue", equalTo(false));
        await().atMost(WAIT).until(() -> !overdue(CLUE_OFFICER_ZJ, inspection).contains(disciplineClue));
        org.assertj.core.api.Assertions.assertThat(overdue(CLUE_OFFICER_ZJ, inspection)).containsExactly(cadreClue);
    }
}
