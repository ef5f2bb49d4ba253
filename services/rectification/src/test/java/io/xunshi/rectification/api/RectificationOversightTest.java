package io.xunshi.rectification.api;

import static io.xunshi.rectification.api.RectificationFlowTest.BASE;
import static io.xunshi.rectification.api.RectificationFlowTest.CENTRE_OFFICE;
import static io.xunshi.rectification.api.RectificationFlowTest.ZHEJIANG_OWNER;
import static io.xunshi.rectification.api.RectificationFlowTest.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.xunshi.contracts.inspection.FeedbackGiven;
import io.xunshi.contracts.rectification.AccountabilityReferred;
import io.xunshi.contracts.rectification.LookBackCandidatePublished;
import io.xunshi.contracts.rectification.RectificationEvaluated;
import io.xunshi.kernel.security.Role;
import io.xunshi.rectification.InspectionFeedback;
import io.xunshi.rectification.application.CaseAccess;
import io.xunshi.testing.KafkaTopicReader;
import io.xunshi.testing.RealInfrastructureResource;
import io.xunshi.testing.TestTokens;

/**
 * Over REST: the supervising office rejects a closure, the liaisons supervise, a consultation concludes, long-term
 * tasks fall due for progress after the report, the evaluation is scored, accountability is referred and the public
 * view is published — and a {@code public} caller sees that view and nothing else.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class RectificationOversightTest {

    static final String DISCIPLINE = TestTokens.bearer(Role.DISCIPLINE_LIAISON, "000000");
    static final String ORGANISATION = TestTokens.bearer(Role.ORGANISATION_LIAISON, "000000");
    /** A provincial discipline liaison: the Centre's case is not theirs to supervise. */
    static final String ZHEJIANG_DISCIPLINE = TestTokens.bearer(Role.DISCIPLINE_LIAISON, "330000");
    static final String PUBLIC = TestTokens.bearer(Role.PUBLIC, "330000");

    @Test
    void a_case_supervised_scored_referred_and_disclosed_shows_the_public_only_its_public_view() {
        LocalDate today = CaseAccess.today();
        FeedbackGiven feedback = InspectionFeedback.feedback("000000", "330000", today.minusDays(20), 2);
        String id = InspectionFeedback.opened(feedback);
        String withheld = "finding-2-" + feedback.inspectionId();
        as(ZHEJIANG_OWNER).body(RectificationFlowTest.plan(feedback.inspectionId(), today)).post(BASE + id + "/plan")
                .then().statusCode(200);

        // A closure the office does not accept opens the task again, with the rejected closure kept.
        as(ZHEJIANG_OWNER).body("{\"evidence\":[\"退款凭证-001\"]}").post(BASE + id + "/tasks/T1/close").then()
                .statusCode(200);
        as(ZHEJIANG_OWNER).body("{\"reason\":\"自己驳回\"}").post(BASE + id + "/tasks/T1/closure-rejection").then()
                .statusCode(403);
        as(CENTRE_OFFICE).body("{\"reason\":\"佐证材料不足\"}").post(BASE + id + "/tasks/T1/closure-rejection").then()
                .statusCode(200).body("tasks[0].status", equalTo("OPEN")).body("tasks[0].closedOn", nullValue())
                .body("tasks[0].rejections[0].evidence", contains("退款凭证-001"))
                .body("tasks[0].rejections[0].reason", equalTo("佐证材料不足"));
        as(CENTRE_OFFICE).body("{\"reason\":\"再驳\"}").post(BASE + id + "/tasks/T1/closure-rejection").then()
                .statusCode(409).body("code", equalTo("task-not-closed"));

        // Daily supervision: both liaisons of the inspecting level; not a lower level's, not the owner.
        as(DISCIPLINE).body("{\"taskId\":\"T1\",\"note\":\"清退进度滞后\"}").post(BASE + id + "/supervision-notes")
                .then().statusCode(200).body("supervisionNotes[0].noteId", equalTo("N1"))
                .body("supervisionNotes[0].by", equalTo("DISCIPLINE_ORGAN"))
                .body("supervisionNotes[0].taskId", equalTo("T1"));
        as(ORGANISATION).body("{\"note\":\"干部选任整改需加快\"}").post(BASE + id + "/supervision-notes").then()
                .statusCode(200).body("supervisionNotes.by", contains("DISCIPLINE_ORGAN", "ORGANISATION_DEPARTMENT"));
        as(ZHEJIANG_DISCIPLINE).body("{\"note\":\"x\"}").post(BASE + id + "/supervision-notes").then()
                .statusCode(404);
        as(ZHEJIANG_OWNER).body("{\"note\":\"x\"}").post(BASE + id + "/supervision-notes").then().statusCode(403);
        as(DISCIPLINE).body("{\"taskId\":\"T9\",\"note\":\"x\"}").post(BASE + id + "/supervision-notes").then()
                .statusCode(422).body("code", equalTo("task-unknown"));
        as(DISCIPLINE).get(BASE + id).then().statusCode(200).body("supervisionNotes", hasSize(2));

        as(CENTRE_OFFICE).body("{\"subject\":\"津补贴整改会商\",\"parties\":[\"INSPECTION_OFFICE\",\"DISCIPLINE_ORGAN\","
                + "\"RECTIFYING_ORGANISATION\"],\"conclusions\":[\"月底前完成清退\"]}").post(BASE + id + "/consultations")
                .then().statusCode(200).body("consultations[0].consultationId", equalTo("C1"))
                .body("consultations[0].conclusions", contains("月底前完成清退"));
        as(CENTRE_OFFICE).body("{\"subject\":\"s\",\"parties\":[\"INSPECTION_OFFICE\"],\"conclusions\":[\"c\"]}")
                .post(BASE + id + "/consultations").then().statusCode(422).body("code", equalTo("parties-too-few"));

        // The report starts the long-term task's period: it is due progress 90 days on (the default period).
        as(ZHEJIANG_OWNER).body("{\"summary\":\"已整改1项\"}").post(BASE + id + "/report").then().statusCode(200)
                .body("report.longTermProgressDays", equalTo(90))
                .body("tasks[2].nextProgressDue", equalTo(today.plusDays(90).toString()))
                .body("tasks[0].nextProgressDue", nullValue());
        as(ZHEJIANG_OWNER).body("{\"summary\":\"第一责任人组织落实\"}").post(BASE + id + "/head-report").then()
                .statusCode(200);

        // Before publication the public sees nothing, not even that the case exists.
        as(PUBLIC).get(BASE + id + "/public-view").then().statusCode(404);

        // The scored evaluation: a criterion not in the model is refused; 55 points is POOR, not effective.
        as(CENTRE_OFFICE).body("{\"deductions\":[{\"criterion\":\"style\",\"points\":5,\"reason\":\"x\"}],"
                + "\"remarks\":\"r\"}").post(BASE + id + "/evaluation").then().statusCode(422)
                .body("code", equalTo("criterion-unknown")).body("errors[0].field", equalTo("deductions"));
        as(CENTRE_OFFICE).body(RectificationFlowTest.poor("整改敷衍")).post(BASE + id + "/evaluation").then()
                .statusCode(200).body("evaluation.score", equalTo(55)).body("evaluation.fullMarks", equalTo(100))
                .body("evaluation.grade", equalTo("POOR")).body("evaluation.outcome", equalTo("NOT_EFFECTIVE"))
                .body("evaluation.deductions.criterion", contains("problems", "leadership"));

        as(CENTRE_OFFICE).body("{\"ground\":\"PERFUNCTORY\",\"description\":\"报告称已清退，核查未清退\",\"persons\":["
                + "{\"name\":\"钱某\",\"post\":\"处长\",\"measure\":\"CIRCULATED\"}]}").post(BASE + id + "/accountability")
                .then().statusCode(422).body("code", equalTo("person-not-responsible"));
        as(CENTRE_OFFICE).body("{\"ground\":\"PERFUNCTORY\",\"description\":\"报告称已清退，核查未清退\",\"persons\":["
                + "{\"name\":\"王某\",\"post\":\"副局长\",\"measure\":\"ADMONISHED\"}]}").post(BASE + id + "/accountability")
                .then().statusCode(200).body("accountability[0].referralId", equalTo("A1"))
                .body("accountability[0].persons[0].measure", equalTo("ADMONISHED"));
        as(ZHEJIANG_OWNER).get(BASE + id).then().statusCode(200).body("accountability", empty());
        // The discipline organ's liaison reads the referral on the case.
        as(DISCIPLINE).get(BASE + id).then().statusCode(200).body("accountability[0].ground", equalTo("PERFUNCTORY"));

        as(CENTRE_OFFICE).body("{\"summary\":\"整改未达到要求，已启动问责\",\"withheldFindings\":[\"" + withheld + "\"]}")
                .post(BASE + id + "/public-view").then().statusCode(200)
                .body("publicView.summary", equalTo("整改未达到要求，已启动问责"));

        String view = as(PUBLIC).get(BASE + id + "/public-view").then().statusCode(200)
                .body("grade", equalTo("POOR")).body("problems", hasSize(1)).body("tasksTotal", equalTo(2))
                .extract().asString();
        // Nothing internal reaches a public answer: no owner, head, evidence, note, consultation, referral, remark,
        // nor the withheld problem.
        assertThat(view).doesNotContain("王某", "张某", InspectionFeedback.HEAD, "退款凭证", "清退进度滞后", "月底前完成清退",
                "核查未清退", "整改敷衍", "佐证材料不足", withheld, "问题2");
        as(PUBLIC).get(BASE + id).then().statusCode(404);
        as(PUBLIC).get(BASE).then().statusCode(200).body("items", empty());
        await().atMost(InspectionFeedback.WAIT).until(() -> as(PUBLIC).queryParam("jurisdiction", "000000")
                .get("/api/v1/public-rectification-views").jsonPath().getList("items.caseId").contains(id));
        String list = as(PUBLIC).get("/api/v1/public-rectification-views").then().statusCode(200).extract()
                .asString();
        assertThat(list).contains(id).doesNotContain("王某", "张某", "退款凭证", "核查未清退", withheld);
        as(PUBLIC).queryParam("jurisdiction", "33").get("/api/v1/public-rectification-views").then().statusCode(422);

        // On the log: the evaluation published the look-back candidate; the referral went out for the discipline organ.
        List<ConsumerRecord<String, String>> records = KafkaTopicReader.readUntil(
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                "xunshi.rectification.events", r -> id.equals(r.key())
                        && (AccountabilityReferred.TYPE + ".v1").equals(header(r, "ce_type")),
                InspectionFeedback.WAIT);
        List<String> types = records.stream().filter(r -> id.equals(r.key())).map(r -> header(r, "ce_type")).toList();
        assertThat(types).containsSubsequence(RectificationEvaluated.TYPE + ".v1",
                LookBackCandidatePublished.TYPE + ".v1", AccountabilityReferred.TYPE + ".v1");
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
