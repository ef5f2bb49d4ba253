package io.xunshi.rectification.api;

import static io.xunshi.rectification.api.RectificationFlowTest.BASE;
import static io.xunshi.rectification.api.RectificationFlowTest.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.xunshi.contracts.inspection.FeedbackGiven;
import io.xunshi.kernel.security.Role;
import io.xunshi.rectification.InspectionFeedback;
import io.xunshi.rectification.application.CaseAccess;
import io.xunshi.testing.RealInfrastructureResource;
import io.xunshi.testing.TestTokens;

/**
 * The escalation lists on real PostgreSQL and Kafka: a case fed back long ago, whose plan has a task past its due
 * date, one within the warning days and one long term. Red and yellow are listed to the office and the owner, red
 * to the discipline liaison, nothing to another province; what is done leaves the lists.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class RectificationSignalsTest {

    static final String SIGNALS = "/api/v1/rectification-signals";
    static final String ZHEJIANG = "330000";
    static final String HANGZHOU = "330100";
    static final String OFFICE = TestTokens.bearer(Role.INSPECTION_OFFICE, ZHEJIANG);
    static final String DISCIPLINE = TestTokens.bearer(Role.DISCIPLINE_LIAISON, ZHEJIANG);
    static final String OWNER = TestTokens.bearer(Role.RECTIFICATION_OWNER, HANGZHOU,
            InspectionFeedback.organisation(HANGZHOU));

    /** The lights of the case's items, by item id, as {@code token} sees them. */
    private static Map<String, String> lights(String token, String caseId, String light) {
        var request = as(token).queryParam("limit", 200);
        if (light != null) {
            request = request.queryParam("light", light);
        }
        JsonPath page = request.get(SIGNALS).then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> items = page.getList("items");
        return items.stream().filter(i -> caseId.equals(i.get("caseId")))
                .collect(Collectors.toMap(i -> (String) i.get("itemId"), i -> i.get("light") + "/"
                        + i.get("daysOverdue") + "/" + i.get("responsible")));
    }

    @Test
    void late_tasks_and_reports_turn_red_near_ones_yellow_and_they_leave_the_lists_once_done() {
        LocalDate today = CaseAccess.today();
        FeedbackGiven feedback = InspectionFeedback.feedback(ZHEJIANG, HANGZHOU, today.minusDays(70), 2);
        String id = InspectionFeedback.opened(feedback);
        String first = "finding-1-" + feedback.inspectionId();
        String second = "finding-2-" + feedback.inspectionId();
        LocalDate reportDue = feedback.givenOn().plusMonths(2);
        as(OWNER).body("{\"filedOn\":\"" + today.minusDays(60) + "\",\"tasks\":[{\"findingId\":\"" + first
                + "\",\"description\":\"清退款项\",\"tier\":\"IMMEDIATE\",\"dueOn\":\"" + today.minusDays(5)
                + "\",\"owner\":\"王某\",\"ownerPost\":\"副局长\"},{\"findingId\":\"" + first + "\",\"description\":"
                + "\"修订制度\",\"tier\":\"DEADLINE\",\"dueOn\":\"" + today.plusDays(3) + "\",\"owner\":\"王某\","
                + "\"ownerPost\":\"副局长\"},{\"findingId\":\"" + first + "\",\"description\":\"远期任务\",\"tier\":"
                + "\"DEADLINE\",\"dueOn\":\"" + today.plusDays(60) + "\",\"owner\":\"赵某\",\"ownerPost\":\"副局长\"},"
                + "{\"findingId\":\"" + second + "\",\"description\":\"长效机制\",\"tier\":\"LONG_TERM\",\"owner\":"
                + "\"张某\",\"ownerPost\":\"党委书记\"}]}").post(BASE + id + "/plan").then().statusCode(200);

        await().atMost(InspectionFeedback.WAIT).until(() -> lights(OFFICE, id, null).containsKey("T1"));
        String reportLight = "RED/" + java.time.temporal.ChronoUnit.DAYS.between(reportDue, today) + "/"
                + InspectionFeedback.HEAD;
        assertThat(lights(OFFICE, id, null)).as("green T3 and long-term T4 are not listed").isEqualTo(Map.of(
                "T1", "RED/5/王某", "T2", "YELLOW/0/王某", "REPORT", reportLight, "HEAD_REPORT", reportLight));
        assertThat(lights(OFFICE, id, "RED")).containsOnlyKeys("T1", "REPORT", "HEAD_REPORT");
        assertThat(lights(OFFICE, id, "YELLOW")).containsOnlyKeys("T2");
        assertThat(lights(DISCIPLINE, id, null)).as("red escalates to the discipline liaison; yellow does not")
                .containsOnlyKeys("T1", "REPORT", "HEAD_REPORT");
        assertThat(lights(OWNER, id, null)).containsOnlyKeys("T1", "T2", "REPORT", "HEAD_REPORT");
        assertThat(lights(TestTokens.bearer(Role.RECTIFICATION_OWNER, HANGZHOU, "org-another"), id, null)).isEmpty();
        assertThat(lights(TestTokens.bearer(Role.INSPECTION_OFFICE, "440000"), id, null)).isEmpty();
        as(TestTokens.bearer(Role.INSPECTION_OFFICE, "440000")).queryParam("jurisdiction", ZHEJIANG).get(SIGNALS)
                .then().statusCode(403);
        as(TestTokens.bearer(Role.TEAM_LEADER, ZHEJIANG)).get(SIGNALS).then().statusCode(403);
        as(OFFICE).queryParam("light", "GREEN").get(SIGNALS).then().statusCode(422);

        // Done leaves the list; a successor takes the red over.
        as(OWNER).body("{\"from\":\"王某\",\"to\":\"陈某\",\"toPost\":\"副局长\"}").post(BASE + id + "/handovers").then()
                .statusCode(200);
        await().atMost(InspectionFeedback.WAIT).until(() -> "RED/5/陈某".equals(lights(OFFICE, id, null).get("T1")));
        as(OWNER).body("{\"evidence\":[\"退款凭证\"]}").post(BASE + id + "/tasks/T1/close").then().statusCode(200);
        await().atMost(InspectionFeedback.WAIT).until(() -> !lights(OFFICE, id, null).containsKey("T1"));
        // A closure the office rejects puts the task back on the lists, red as before.
        as(OFFICE).body("{\"reason\":\"凭证不全\"}").post(BASE + id + "/tasks/T1/closure-rejection").then()
                .statusCode(200);
        await().atMost(InspectionFeedback.WAIT).until(() -> "RED/5/陈某".equals(lights(OFFICE, id, null).get("T1")));
        as(OWNER).body("{\"evidence\":[\"退款凭证\",\"银行回单\"]}").post(BASE + id + "/tasks/T1/close").then()
                .statusCode(200);
        // Progress on the long-term T4 dated 40 days ago, recorded before the report; the report, dated 60 days ago:
        // T4 was due progress 30 days after its latest progress (the tests' provincial period), so it is red for 10.
        as(OWNER).body("{\"reportedOn\":\"" + today.minusDays(40) + "\",\"progress\":\"建立制度\"}")
                .post(BASE + id + "/tasks/T4/progress").then().statusCode(200);
        as(OWNER).body("{\"submittedOn\":\"" + today.minusDays(60) + "\",\"summary\":\"整改报告\"}")
                .post(BASE + id + "/report").then().statusCode(200).body("report.longTermProgressDays", equalTo(30));
        await().atMost(InspectionFeedback.WAIT).until(() -> !lights(OFFICE, id, null).containsKey("REPORT"));
        assertThat(lights(OFFICE, id, null)).containsOnlyKeys("T2", "T4", "HEAD_REPORT").containsEntry("T4",
                "RED/10/张某");
        assertThat(as(OFFICE).queryParam("limit", 200).get(SIGNALS).jsonPath().getList("items", Map.class).stream()
                .filter(i -> id.equals(i.get("caseId")) && "T4".equals(i.get("itemId"))).map(i -> i.get("kind")))
                .containsExactly("PROGRESS");
        // Progress today moves the next one a period on: green, off the lists.
        as(OWNER).body("{\"progress\":\"本月召开专题会\"}").post(BASE + id + "/tasks/T4/progress").then()
                .statusCode(200).body("tasks[3].nextProgressDue", equalTo(today.plusDays(30).toString()));
        await().atMost(InspectionFeedback.WAIT).until(() -> !lights(OFFICE, id, null).containsKey("T4"));
        as(OWNER).body("{\"summary\":\"组织落实情况\"}").post(BASE + id + "/head-report").then().statusCode(200);
        as(OFFICE).body(RectificationFlowTest.poor("未完成")).post(BASE + id + "/evaluation").then()
                .statusCode(200);
        await().atMost(InspectionFeedback.WAIT).until(() -> lights(OFFICE, id, null).isEmpty());
    }
}
