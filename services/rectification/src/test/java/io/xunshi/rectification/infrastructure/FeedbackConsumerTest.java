package io.xunshi.rectification.infrastructure;

import static io.restassured.RestAssured.given;
import static io.xunshi.rectification.InspectionFeedback.inspectionEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import io.xunshi.contracts.inspection.FeedbackGiven;
import io.xunshi.contracts.inspection.InspectionOpened;
import io.xunshi.contracts.rectification.RectificationCaseOpened;
import io.xunshi.kernel.security.Role;
import io.xunshi.rectification.InspectionFeedback;
import io.xunshi.testing.KafkaTopicReader;
import io.xunshi.testing.RealInfrastructureResource;
import io.xunshi.testing.TestTokens;

/** Feedback given on the inspection topic opens exactly one case; what cannot open one is dead-lettered. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class FeedbackConsumerTest {

    @Inject
    Pool pool;

    @Test
    void feedback_on_a_centre_inspection_opens_one_case_with_a_task_per_finding_due_two_months_later() {
        FeedbackGiven feedback = InspectionFeedback.feedback("000000", "330000", LocalDate.of(2026, 1, 15), 2);
        String caseId = InspectionFeedback.opened(feedback);

        Response read = given().header("Authorization", TestTokens.bearer(Role.RECTIFICATION_OWNER, "330000",
                InspectionFeedback.organisation("330000")))
                .get("/api/v1/rectification-cases/" + caseId);
        read.then().statusCode(200).header("ETag", "\"1\"");
        assertThat(read.jsonPath().getString("inspectionId")).isEqualTo(feedback.inspectionId());
        assertThat(read.jsonPath().getString("jurisdiction")).isEqualTo("000000");
        assertThat(read.jsonPath().getString("organisationLocation")).isEqualTo("330000");
        assertThat(read.jsonPath().getString("firstResponsible")).isEqualTo("张三");
        assertThat(read.jsonPath().getString("feedbackOn")).isEqualTo("2026-01-15");
        assertThat(read.jsonPath().getString("reportDue")).isEqualTo("2026-03-15");
        assertThat(read.jsonPath().getString("status")).isEqualTo("OPEN");
        assertThat(read.jsonPath().getList("tasks.taskId")).containsExactly("T1", "T2");
        assertThat(read.jsonPath().getList("tasks.findingId")).containsExactly(feedback.findings().get(0).findingId(),
                feedback.findings().get(1).findingId());
        assertThat(read.jsonPath().getList("tasks.responsible")).containsExactly("张三", "张三");
        assertThat(read.jsonPath().getList("tasks.status")).containsExactly("OPEN", "OPEN");

        ConsumerRecord<String, String> published = KafkaTopicReader
                .readUntil(bootstrap(), "xunshi.rectification.events",
                        r -> caseId.equals(r.key()), InspectionFeedback.WAIT)
                .stream().filter(r -> caseId.equals(r.key()))
                .findFirst().orElseThrow();
        assertThat(header(published, "ce_type")).isEqualTo(RectificationCaseOpened.TYPE + ".v1");
        assertThat(header(published, "ce_jurisdiction")).isEqualTo("000000");
        assertThat(header(published, "ce_causationid")).isNotNull();
        assertThat(published.value()).contains("\"reportDue\":\"2026-03-15\"");
    }

    @Test
    void feedback_on_a_city_inspection_is_due_one_month_later() {
        FeedbackGiven feedback = InspectionFeedback.feedback("330100", "330106", LocalDate.of(2026, 2, 10), 2);
        String caseId = InspectionFeedback.opened(feedback);

        given().header("Authorization", TestTokens.bearer(Role.INSPECTION_OFFICE, "330100"))
                .get("/api/v1/rectification-cases/" + caseId)
                .then().statusCode(200)
                .body("reportDue", org.hamcrest.Matchers.equalTo("2026-03-10"))
                .body("tasks.size()", org.hamcrest.Matchers.equalTo(2));
    }

    @Test
    void the_same_feedback_delivered_again_or_republished_opens_no_second_case() {
        FeedbackGiven feedback = InspectionFeedback.feedback("000000", "440000", LocalDate.of(2026, 1, 20), 2);
        UUID eventId = UUID.randomUUID();
        InspectionFeedback.publish(eventId, feedback);
        InspectionFeedback.publish(eventId, feedback);
        // The same feedback under a new event id, e.g. given again by mistake: the case id is the inspection's.
        InspectionFeedback.publish(UUID.randomUUID(), feedback);
        // A later record on the same partition tells when the three have been processed.
        FeedbackGiven marker = InspectionFeedback.feedback("000000", "440000", LocalDate.of(2026, 1, 20), 1);
        InspectionFeedback.send(InspectionFeedback.record(UUID.randomUUID(), feedback.inspectionId(), marker));
        await().atMost(InspectionFeedback.WAIT).until(() -> eventsOf(InspectionFeedback.caseOf(marker)) == 1);

        assertThat(eventsOf(InspectionFeedback.caseOf(feedback))).isEqualTo(1);
        assertThat(count("SELECT count(*) AS n FROM inbox WHERE consumer = $1 AND event_id = $2",
                Tuple.of(FeedbackConsumer.NAME, eventId.toString()))).isEqualTo(1);
    }

    @Test
    void feedback_of_an_inspection_without_findings_opens_no_case_and_is_not_dead_lettered() {
        FeedbackGiven clean = InspectionFeedback.feedback("000000", "440000", LocalDate.of(2026, 1, 20), 0);
        UUID eventId = UUID.randomUUID();
        InspectionFeedback.publish(eventId, clean);
        FeedbackGiven marker = InspectionFeedback.feedback("000000", "440000", LocalDate.of(2026, 1, 20), 1);
        InspectionFeedback.send(InspectionFeedback.record(UUID.randomUUID(), clean.inspectionId(), marker));
        await().atMost(InspectionFeedback.WAIT).until(() -> eventsOf(InspectionFeedback.caseOf(marker)) == 1);

        assertThat(eventsOf(InspectionFeedback.caseOf(clean))).as("no case for a clean inspection").isZero();
        assertThat(count("SELECT count(*) AS n FROM inbox WHERE consumer = $1 AND event_id = $2",
                Tuple.of(FeedbackConsumer.NAME, eventId.toString()))).as("handled once, not dead-lettered")
                .isEqualTo(1);
    }

    @Test
    void other_inspection_events_even_new_ones_are_passed_over_and_unprocessable_ones_are_dead_lettered() {
        String key = "inspection-" + UUID.randomUUID();
        UUID ignored = UUID.randomUUID();
        UUID badJson = UUID.randomUUID();
        UUID noHead = UUID.randomUUID();
        UUID addedUpstream = UUID.randomUUID();
        UUID foreign = UUID.randomUUID();
        UUID noSpec = UUID.randomUUID();
        FeedbackGiven headless = InspectionFeedback.feedback("000000", "330000", LocalDate.of(2026, 1, 5), 1);
        FeedbackGiven withoutHead = new FeedbackGiven(headless.inspectionId(), headless.roundId(), headless.planId(),
                headless.jurisdiction(), headless.organisationId(), headless.organisationName(),
                headless.organisationJurisdiction(), headless.organisationLocation(), null, headless.givenOn(),
                headless.findings());
        FeedbackGiven marker = InspectionFeedback.feedback("000000", "330000", LocalDate.of(2026, 1, 5), 1);
        InspectionFeedback.send(
                inspectionEvent(InspectionOpened.TYPE + ".v1", key, "000000").id(ignored)
                        .json("{\"inspectionId\":\"" + key + "\"}"),
                inspectionEvent(FeedbackGiven.TYPE + ".v1", key, "000000").id(badJson)
                        .json("{\"inspectionId\": oops"),
                InspectionFeedback.record(noHead, key, withoutHead),
                inspectionEvent("xunshi.inspection.InspectionSuspended.v1", key, "000000").id(addedUpstream),
                inspectionEvent("xunshi.rectification.RectificationCaseOpened.v1", key, "000000").id(foreign),
                inspectionEvent(FeedbackGiven.TYPE + ".v1", key, "000000").id(noSpec).without("ce_specversion")
                        .json("{\"inspectionId\":\"" + key + "\"}"),
                InspectionFeedback.record(UUID.randomUUID(), key, marker));
        await().atMost(InspectionFeedback.WAIT).until(() -> eventsOf(InspectionFeedback.caseOf(marker)) == 1);

        Map<String, ConsumerRecord<String, String>> dead = new HashMap<>();
        KafkaTopicReader.readUntil(bootstrap(), InspectionFeedback.DEAD_LETTER_TOPIC, record -> {
            String id = header(record, "ce_id");
            if (id != null) {
                dead.put(id, record);
            }
            return List.of(badJson, noHead, foreign, noSpec).stream()
                    .allMatch(wanted -> dead.containsKey(wanted.toString()));
        }, InspectionFeedback.WAIT);

        assertThat(dead).as("an inspection event the consumer does not need is passed over, not dead-lettered")
                .doesNotContainKeys(ignored.toString(), addedUpstream.toString());
        assertThat(count("SELECT count(*) AS n FROM inbox WHERE event_id = $1", Tuple.of(ignored.toString()))).isZero();
        assertThat(header(dead.get(badJson.toString()), "dead-letter-reason")).startsWith("malformed-payload:");
        assertThat(dead.get(badJson.toString()).value()).isEqualTo("{\"inspectionId\": oops");
        assertThat(header(dead.get(noHead.toString()), "dead-letter-reason")).startsWith("invalid-payload:")
                .contains("organisationHead");
        assertThat(header(dead.get(foreign.toString()), "dead-letter-reason"))
                .isEqualTo("unknown-type: rectification-feedback reads xunshi.inspection.events, whose owner does not"
                        + " publish xunshi.rectification.RectificationCaseOpened.v1");
        assertThat(header(dead.get(noSpec.toString()), "dead-letter-reason")).startsWith("missing-header:")
                .contains("ce_specversion");
        assertThat(eventsOf(InspectionFeedback.caseOf(headless))).isZero();
    }

    private long eventsOf(String caseId) {
        return count("SELECT count(*) AS n FROM events WHERE stream_id = $1", Tuple.of(caseId));
    }

    private long count(String sql, Tuple args) {
        return pool.preparedQuery(sql).executeAndAwait(args).iterator().next().getLong("n");
    }

    private static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
