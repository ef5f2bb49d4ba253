package io.xunshi.rectification.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.xunshi.contracts.inspection.FeedbackGiven;
import io.xunshi.contracts.rectification.HeadReportSubmitted;
import io.xunshi.contracts.rectification.RectificationCaseOpened;
import io.xunshi.contracts.rectification.RectificationEvaluated;
import io.xunshi.contracts.rectification.RectificationProgressReported;
import io.xunshi.contracts.rectification.RectificationReportSubmitted;
import io.xunshi.contracts.rectification.RectificationTaskClosed;
import io.xunshi.kernel.security.Role;
import io.xunshi.rectification.InspectionFeedback;
import io.xunshi.rectification.application.CaseAccess;
import io.xunshi.testing.KafkaTopicReader;
import io.xunshi.testing.RealInfrastructureResource;
import io.xunshi.testing.TestTokens;

/** A case from feedback to evaluation over REST, and the transitions and callers it refuses. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class RectificationFlowTest {

    static final String BASE = "/api/v1/rectification-cases/";
    /** The Centre inspects a provincial-level organisation located in Zhejiang. */
    static final String CENTRE_OFFICE = TestTokens.bearer(Role.INSPECTION_OFFICE, "000000");
    /** The owner side of the inspected organisation located at 330000 (its organisation claim names it). */
    static final String ZHEJIANG_OWNER = TestTokens.bearer(Role.RECTIFICATION_OWNER, "330000",
            InspectionFeedback.organisation("330000"));
    /** An owner in the same place acting for another organisation. */
    static final String OTHER_ORGANISATION_OWNER = TestTokens.bearer(Role.RECTIFICATION_OWNER, "330000",
            "org-another-330000");
    /** An owner whose token names no organisation. */
    static final String OWNER_OF_NO_ORGANISATION = TestTokens.bearer(Role.RECTIFICATION_OWNER, "330000");
    static final String ZHEJIANG_OFFICE = TestTokens.bearer(Role.INSPECTION_OFFICE, "330000");
    static final String GUANGDONG_OWNER = TestTokens.bearer(Role.RECTIFICATION_OWNER, "440000",
            InspectionFeedback.organisation("330000"));

    /** 55 of 100 on the default model: POOR, not effective. */
    static final String POOR_DEDUCTIONS = "[{\"criterion\":\"problems\",\"points\":40,\"reason\":\"问题未整改\"},"
            + "{\"criterion\":\"leadership\",\"points\":5,\"reason\":\"组织不力\"}]";

    @Inject
    Pool pool;

    /** An evaluation scoring 55: not effective. */
    static String poor(String remarks) {
        return "{\"deductions\":" + POOR_DEDUCTIONS + ",\"remarks\":\"" + remarks + "\"}";
    }

    static RequestSpecification as(String token) {
        return given().header("Authorization", token).contentType(ContentType.JSON);
    }

    static String centreCase(LocalDate givenOn) {
        return InspectionFeedback.opened(InspectionFeedback.feedback("000000", "330000", givenOn, 2));
    }

    private long events() {
        return pool.query("SELECT count(*) AS n FROM events").executeAndAwait().iterator().next().getLong("n");
    }

    @Test
    void progress_closing_report_and_evaluation_reach_the_case_its_list_and_the_rectification_topic() {
        LocalDate today = CaseAccess.today();
        FeedbackGiven feedback = InspectionFeedback.feedback("000000", "330000", today.minusDays(20), 2);
        String id = InspectionFeedback.opened(feedback);

        // The list, by inspection, is how the organisation's own system finds the case feedback opened.
        await().atMost(InspectionFeedback.WAIT).until(() -> as(ZHEJIANG_OWNER)
                .queryParam("inspectionId", feedback.inspectionId()).get(BASE).jsonPath().getList("items").size() == 1);
        as(ZHEJIANG_OWNER).queryParam("inspectionId", feedback.inspectionId()).get(BASE).then().statusCode(200)
                .body("items[0].caseId", equalTo(id)).body("items[0].status", equalTo("OPEN"))
                .body("items[0].tasksTotal", equalTo(2)).body("items[0].tasksClosed", equalTo(0))
                .body("items[0].overdue", equalTo(false)).body("next", nullValue());
        as(GUANGDONG_OWNER).queryParam("inspectionId", feedback.inspectionId()).get(BASE).then().statusCode(200)
                .body("items", hasSize(0));

        as(ZHEJIANG_OWNER).header("If-Match", "\"1\"").header("Idempotency-Key", "progress-" + id)
                .body("{\"reportedOn\":\"" + today.minusDays(10) + "\",\"progress\":\"制定整改方案，逐项分解\"}")
                .post(BASE + id + "/tasks/T1/progress")
                .then().statusCode(200).header("ETag", "\"2\"")
                .body("tasks[0].progress", hasSize(1))
                .body("tasks[0].progress[0].reportedOn", equalTo(today.minusDays(10).toString()))
                .body("tasks[0].progress[0].progress", equalTo("制定整改方案，逐项分解"));
        // A retry with the same key is answered from the first time and records nothing more.
        as(ZHEJIANG_OWNER).header("If-Match", "\"1\"").header("Idempotency-Key", "progress-" + id)
                .body("{\"reportedOn\":\"" + today.minusDays(10) + "\",\"progress\":\"制定整改方案，逐项分解\"}")
                .post(BASE + id + "/tasks/T1/progress")
                .then().statusCode(200).header("ETag", "\"2\"").header("Idempotent-Replayed", "true");

        as(ZHEJIANG_OWNER).body("{\"evidence\":[\"整改报告-001\",\"会议纪要-002\"]}").post(BASE + id + "/tasks/T1/close")
                .then().statusCode(200).header("ETag", "\"3\"")
                .body("tasks[0].status", equalTo("CLOSED")).body("tasks[0].closedOn", equalTo(today.toString()))
                .body("tasks[0].evidence", contains("整改报告-001", "会议纪要-002"))
                .body("tasks[1].status", equalTo("OPEN"));
        as(ZHEJIANG_OWNER).body("{\"progress\":\"再次报告\"}").post(BASE + id + "/tasks/T1/progress")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:xunshi:problem:illegal-state"))
                .body("code", equalTo("task-already-closed"));

        // The report does not wait for the long-term task T2.
        as(ZHEJIANG_OWNER).body("{\"summary\":\"已整改1项，长期坚持1项\"}").post(BASE + id + "/report")
                .then().statusCode(200).header("ETag", "\"4\"")
                .body("status", equalTo("REPORT_SUBMITTED")).body("report.onTime", equalTo(true))
                .body("report.submittedOn", equalTo(today.toString())).body("overdue", equalTo(false));
        as(ZHEJIANG_OWNER).body("{\"summary\":\"第二次\"}").post(BASE + id + "/report")
                .then().statusCode(409).body("code", equalTo("report-already-submitted"));
        as(ZHEJIANG_OWNER).body("{\"summary\":\"组织落实情况\"}").post(BASE + id + "/head-report")
                .then().statusCode(200).header("ETag", "\"5\"");

        as(CENTRE_OFFICE).body("{\"deductions\":[],\"remarks\":\"整改到位\"}").post(BASE + id + "/evaluation")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:xunshi:problem:illegal-state")).body("code", equalTo("tasks-still-open"));

        as(ZHEJIANG_OWNER).body("{\"progress\":\"长期坚持，持续推进\"}").post(BASE + id + "/tasks/T2/progress")
                .then().statusCode(200).header("ETag", "\"6\"");
        as(ZHEJIANG_OWNER).body("{\"evidence\":[\"制度文件-003\"]}").post(BASE + id + "/tasks/T2/close")
                .then().statusCode(200).header("ETag", "\"7\"");
        as(CENTRE_OFFICE).header("If-Match", "\"7\"").body("{\"deductions\":[],\"remarks\":\"整改到位\"}")
                .post(BASE + id + "/evaluation")
                .then().statusCode(200).header("ETag", "\"8\"")
                .body("status", equalTo("EVALUATED")).body("evaluation.outcome", equalTo("EFFECTIVE"))
                .body("evaluation.evaluatedOn", equalTo(today.toString()))
                .body("evaluation.remarks", equalTo("整改到位"));
        as(CENTRE_OFFICE).body(poor("再评")).post(BASE + id + "/evaluation")
                .then().statusCode(409).body("code", equalTo("case-already-evaluated"));

        Response read = as(ZHEJIANG_OWNER).get(BASE + id);
        read.then().statusCode(200).header("ETag", "\"8\"").body("version", equalTo(8))
                .body("tasks.status", contains("CLOSED", "CLOSED"));

        List<ConsumerRecord<String, String>> records = KafkaTopicReader.readUntil(
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                "xunshi.rectification.events", r -> id.equals(r.key())
                        && (RectificationEvaluated.TYPE + ".v1").equals(header(r, "ce_type")),
                InspectionFeedback.WAIT);
        List<String> types = records.stream().filter(r -> id.equals(r.key())).map(r -> header(r, "ce_type")).toList();
        assertThat(types).containsExactly(RectificationCaseOpened.TYPE + ".v1",
                RectificationProgressReported.TYPE + ".v1", RectificationTaskClosed.TYPE + ".v1",
                RectificationReportSubmitted.TYPE + ".v1", HeadReportSubmitted.TYPE + ".v1",
                RectificationProgressReported.TYPE + ".v1",
                RectificationTaskClosed.TYPE + ".v1", RectificationEvaluated.TYPE + ".v1");
        ConsumerRecord<String, String> evaluated = records.get(records.size() - 1);
        assertThat(evaluated.value()).contains("\"inspectionId\":\"" + feedback.inspectionId() + "\"")
                .contains("\"planId\":\"" + feedback.planId() + "\"")
                .contains("\"organisationId\":\"" + feedback.organisationId() + "\"")
                .contains("\"outcome\":\"EFFECTIVE\"");

        await().atMost(InspectionFeedback.WAIT).until(() -> "EVALUATED".equals(as(CENTRE_OFFICE)
                .queryParam("inspectionId", feedback.inspectionId()).get(BASE).jsonPath()
                .getString("items[0].status")));
        as(CENTRE_OFFICE).queryParam("inspectionId", feedback.inspectionId()).queryParam("status", "EVALUATED")
                .get(BASE).then().statusCode(200)
                .body("items[0].tasksClosed", equalTo(2)).body("items[0].outcome", equalTo("EFFECTIVE"))
                .body("items[0].reportOnTime", equalTo(true)).body("items[0].version", equalTo(8));
    }

    /**
     * A plan for a case of {@link InspectionFeedback#feedback} with two findings: the first fixed now and by a
     * deadline, owned by a deputy head, the second long term, owned by the head.
     */
    static String plan(String inspectionId, LocalDate today) {
        return "{\"tasks\":[{\"findingId\":\"finding-1-" + inspectionId + "\",\"description\":\"清退违规发放的津补贴\","
                + "\"tier\":\"IMMEDIATE\",\"dueOn\":\"" + today.plusDays(10) + "\",\"owner\":\"王某\","
                + "\"ownerPost\":\"副局长\"},{\"findingId\":\"finding-1-" + inspectionId + "\",\"description\":"
                + "\"修订津补贴管理办法\",\"tier\":\"DEADLINE\",\"dueOn\":\"" + today.plusDays(40) + "\",\"owner\":"
                + "\"王某\",\"ownerPost\":\"副局长\"},{\"findingId\":\"finding-2-" + inspectionId + "\",\"description\":"
                + "\"健全主体责任落实机制\",\"tier\":\"LONG_TERM\",\"owner\":\"张某\",\"ownerPost\":\"党委书记\"}]}";
    }

    @Test
    void the_plan_lays_out_the_three_lists_and_the_evaluation_waits_for_the_heads_report() {
        LocalDate today = CaseAccess.today();
        FeedbackGiven feedback = InspectionFeedback.feedback("000000", "330000", today.minusDays(20), 2);
        String id = InspectionFeedback.opened(feedback);
        String first = "finding-1-" + feedback.inspectionId();
        String second = "finding-2-" + feedback.inspectionId();

        // A plan that leaves a problem without a task, or a long-term task with a due date, is refused whole.
        as(ZHEJIANG_OWNER).body("{\"tasks\":[{\"findingId\":\"" + first + "\",\"description\":\"x\",\"tier\":"
                + "\"IMMEDIATE\",\"dueOn\":\"" + today + "\",\"owner\":\"王某\",\"ownerPost\":\"副局长\"}]}")
                .post(BASE + id + "/plan").then().statusCode(422).body("code", equalTo("problem-without-task"))
                .body("errors[0].field", equalTo("tasks"));
        as(ZHEJIANG_OWNER).body(plan(feedback.inspectionId(), today).replace("\"LONG_TERM\",",
                "\"LONG_TERM\",\"dueOn\":\"" + today + "\",")).post(BASE + id + "/plan").then().statusCode(422)
                .body("code", equalTo("due-date-not-for-long-term"));
        as(CENTRE_OFFICE).body(plan(feedback.inspectionId(), today)).post(BASE + id + "/plan").then()
                .statusCode(403);

        as(ZHEJIANG_OWNER).header("If-Match", "\"1\"").body(plan(feedback.inspectionId(), today))
                .post(BASE + id + "/plan").then().statusCode(200).header("ETag", "\"2\"")
                .body("planFiledOn", equalTo(today.toString()))
                .body("tasks.taskId", contains("T1", "T2", "T3"))
                .body("tasks.tier", contains("IMMEDIATE", "DEADLINE", "LONG_TERM"))
                .body("tasks[2].dueOn", nullValue())
                .body("tasks.responsible", contains("王某", "王某", "张某"))
                .body("problems.findingId", contains(first, second))
                .body("problems[0].taskIds", contains("T1", "T2"))
                .body("problems[1].taskIds", contains("T3"))
                .body("responsibilities.responsible", contains(feedback.organisationHead(), "王某", "张某"))
                .body("responsibilities[0].firstResponsible", equalTo(true))
                .body("responsibilities[1].post", equalTo("副局长"))
                .body("responsibilities[1].taskIds", contains("T1", "T2"));
        as(ZHEJIANG_OWNER).body(plan(feedback.inspectionId(), today)).post(BASE + id + "/plan").then()
                .statusCode(409).body("code", equalTo("plan-already-filed"));

        as(ZHEJIANG_OWNER).body("{\"evidence\":[\"退款凭证-001\"]}").post(BASE + id + "/tasks/T1/close").then()
                .statusCode(200).body("responsibilities[1].openTaskIds", contains("T2"));
        // 王某 changes post: the open T2 passes to the successor, the closed T1 stays; history keeps both.
        as(ZHEJIANG_OWNER).body("{\"from\":\"王某\",\"to\":\"陈某\",\"toPost\":\"副局长\"}")
                .post(BASE + id + "/handovers").then().statusCode(200)
                .body("tasks.responsible", contains("王某", "陈某", "张某"))
                .body("tasks[1].owners.owner", contains("王某", "陈某"))
                .body("tasks[1].owners[0].until", equalTo(today.toString()))
                .body("tasks[1].owners[1].until", nullValue())
                .body("responsibilities.responsible", contains(feedback.organisationHead(), "王某", "陈某", "张某"));
        as(ZHEJIANG_OWNER).body("{\"from\":\"钱某\",\"to\":\"陈某\",\"toPost\":\"副局长\"}")
                .post(BASE + id + "/handovers").then().statusCode(422).body("code", equalTo("owner-unknown"));
        as(ZHEJIANG_OWNER).body("{\"summary\":\"已整改1项\"}").post(BASE + id + "/report").then().statusCode(200);
        as(CENTRE_OFFICE).body(poor("未报")).post(BASE + id + "/evaluation")
                .then().statusCode(409).body("code", equalTo("head-report-not-submitted"));
        as(ZHEJIANG_OWNER).body("{\"summary\":\"党委书记履行第一责任人职责，召开专题会议6次\"}")
                .post(BASE + id + "/head-report").then().statusCode(200).body("headReport.onTime", equalTo(true))
                .body("headReport.summary", equalTo("党委书记履行第一责任人职责，召开专题会议6次"));
        as(ZHEJIANG_OWNER).body("{\"summary\":\"again\"}").post(BASE + id + "/head-report").then()
                .statusCode(409).body("code", equalTo("head-report-already-submitted"));
        as(CENTRE_OFFICE).body(poor("长期任务未完成"))
                .post(BASE + id + "/evaluation").then().statusCode(200).body("status", equalTo("EVALUATED"));
        // The list follows the plan: three tasks, one closed; every event of the case moved its version.
        await().atMost(InspectionFeedback.WAIT).until(() -> "EVALUATED".equals(as(CENTRE_OFFICE)
                .queryParam("inspectionId", feedback.inspectionId()).get(BASE).jsonPath()
                .getString("items[0].status")));
        as(CENTRE_OFFICE).queryParam("inspectionId", feedback.inspectionId()).get(BASE).then().statusCode(200)
                .body("items[0].tasksTotal", equalTo(3)).body("items[0].tasksClosed", equalTo(1))
                .body("items[0].version", equalTo(as(CENTRE_OFFICE).get(BASE + id).jsonPath().getInt("version")));
    }

    @Test
    void evaluation_before_the_report_is_409_and_writes_nothing() {
        String id = centreCase(CaseAccess.today().minusDays(3));
        long before = events();
        as(CENTRE_OFFICE).body(poor("未报告")).post(BASE + id + "/evaluation")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:xunshi:problem:illegal-state"))
                .body("code", equalTo("report-not-submitted"));
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void a_report_after_the_deadline_is_late_and_the_case_was_overdue_until_then() {
        String id = centreCase(LocalDate.of(2025, 1, 10));
        as(ZHEJIANG_OWNER).get(BASE + id).then().statusCode(200)
                .body("reportDue", equalTo("2025-03-10")).body("overdue", equalTo(true));

        as(ZHEJIANG_OWNER).body("{\"submittedOn\":\"2025-04-01\",\"summary\":\"逾期报告\"}").post(BASE + id + "/report")
                .then().statusCode(200).body("report.onTime", equalTo(false)).body("overdue", equalTo(false));
        as(ZHEJIANG_OWNER).body("{\"submittedOn\":\"2025-04-02\",\"summary\":\"逾期报告\"}")
                .post(BASE + id + "/head-report").then().statusCode(200).body("headReport.onTime", equalTo(false));
        // Not effective with a task still open is allowed: a candidate for a look-back round.
        as(CENTRE_OFFICE)
                .body("{\"evaluatedOn\":\"2025-05-01\",\"deductions\":" + POOR_DEDUCTIONS + ",\"remarks\":\"整改敷衍\"}")
                .post(BASE + id + "/evaluation").then().statusCode(200)
                .body("evaluation.outcome", equalTo("NOT_EFFECTIVE"));
    }

    @Test
    void the_owner_of_another_province_and_the_province_office_cannot_see_a_centre_case() {
        String id = centreCase(CaseAccess.today().minusDays(3));
        as(ZHEJIANG_OWNER).body("{\"summary\":\"报告\"}").post(BASE + id + "/report").then().statusCode(200);
        long before = events();

        as(GUANGDONG_OWNER).get(BASE + id).then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("urn:xunshi:problem:not-found"));
        as(GUANGDONG_OWNER).body("{\"progress\":\"x\"}").post(BASE + id + "/tasks/T1/progress")
                .then().statusCode(404);
        // The province's office supervises the province's own inspections, not the Centre's.
        as(ZHEJIANG_OFFICE).get(BASE + id).then().statusCode(404);
        as(ZHEJIANG_OFFICE).body(poor("越级")).post(BASE + id + "/evaluation")
                .then().statusCode(404).contentType("application/problem+json");
        // The owner may read but not evaluate; the office may read but not act for the organisation.
        as(ZHEJIANG_OWNER).body(poor("自评")).post(BASE + id + "/evaluation")
                .then().statusCode(403);
        as(CENTRE_OFFICE).body("{\"progress\":\"代报\"}").post(BASE + id + "/tasks/T1/progress").then().statusCode(403);
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void an_owner_acts_only_on_its_own_organisations_cases_even_in_its_own_jurisdiction() {
        FeedbackGiven feedback = InspectionFeedback.feedback("000000", "330000", CaseAccess.today().minusDays(3), 2);
        String id = InspectionFeedback.opened(feedback);
        await().atMost(InspectionFeedback.WAIT).until(() -> as(CENTRE_OFFICE)
                .queryParam("inspectionId", feedback.inspectionId()).get(BASE).jsonPath().getList("items").size() == 1);
        long before = events();

        for (String stranger : List.of(OTHER_ORGANISATION_OWNER, OWNER_OF_NO_ORGANISATION)) {
            as(stranger).get(BASE + id).then().statusCode(404).contentType("application/problem+json")
                    .body("type", equalTo("urn:xunshi:problem:not-found"));
            as(stranger).body("{\"progress\":\"代报\"}").post(BASE + id + "/tasks/T1/progress").then()
                    .statusCode(404);
            as(stranger).body("{\"summary\":\"代报\"}").post(BASE + id + "/report").then().statusCode(404);
            as(stranger).queryParam("inspectionId", feedback.inspectionId()).get(BASE).then().statusCode(200)
                    .body("items", org.hamcrest.Matchers.empty());
        }
        assertThat(events()).as("nothing was appended for an owner of another organisation").isEqualTo(before);

        as(ZHEJIANG_OWNER).queryParam("inspectionId", feedback.inspectionId()).get(BASE).then().statusCode(200)
                .body("items.caseId", org.hamcrest.Matchers.contains(id));
        as(ZHEJIANG_OWNER).body("{\"progress\":\"制定整改方案\"}").post(BASE + id + "/tasks/T1/progress").then()
                .statusCode(200);
    }

    @Test
    void a_token_whose_organisation_claim_is_no_string_is_403() {
        for (Object claim : new Object[]{ 330000, Map.of("id", "org-330000"), List.of("org-330000"), " " }) {
            given().header("Authorization", TestTokens.signedWithClaims(Map.of("sub", "owner", "groups",
                    List.of(Role.RECTIFICATION_OWNER), "jurisdiction", "330000", "organisation", claim)))
                    .get(BASE).then().statusCode(403).contentType("application/problem+json");
        }
    }

    @Test
    void a_stale_if_match_is_412_and_writes_nothing() {
        String id = centreCase(CaseAccess.today().minusDays(3));
        as(ZHEJIANG_OWNER).header("If-Match", "\"1\"").body("{\"progress\":\"第一次\"}")
                .post(BASE + id + "/tasks/T1/progress").then().statusCode(200).header("ETag", "\"2\"");
        long before = events();
        as(ZHEJIANG_OWNER).header("If-Match", "\"1\"").body("{\"progress\":\"过时的\"}")
                .post(BASE + id + "/tasks/T2/progress").then().statusCode(412).contentType("application/problem+json")
                .body("type", equalTo("urn:xunshi:problem:precondition-failed"));
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void an_unknown_case_or_task_is_404() {
        as(CENTRE_OFFICE).get(BASE + UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
        String id = centreCase(CaseAccess.today().minusDays(3));
        as(ZHEJIANG_OWNER).body("{\"progress\":\"x\"}").post(BASE + id + "/tasks/T9/progress")
                .then().statusCode(404).contentType("application/problem+json");
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

}
