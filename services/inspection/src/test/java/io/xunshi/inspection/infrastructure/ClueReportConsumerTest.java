package io.xunshi.inspection.infrastructure;

import static io.restassured.RestAssured.given;
import static io.xunshi.inspection.InspectionFixtures.LEADER_ZJ;
import static io.xunshi.inspection.InspectionFixtures.WAIT;
import static io.xunshi.inspection.InspectionFixtures.ZHEJIANG;
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
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.xunshi.contracts.discipline.ClueDispositionReported;
import io.xunshi.contracts.discipline.ClueReceiptReported;
import io.xunshi.contracts.inspection.ClueDisposition;
import io.xunshi.inspection.InspectionFixtures;
import io.xunshi.inspection.domain.Clue;
import io.xunshi.inspection.domain.Inspection;
import io.xunshi.kernel.security.Role;
import io.xunshi.testing.CloudEventsOnKafka;
import io.xunshi.testing.KafkaTopicReader;
import io.xunshi.testing.RealInfrastructureResource;
import io.xunshi.testing.TestTokens;

/**
 * The discipline organ reports on its own topic, as its principal (held to its ACLs) and with its own tools' ids
 * and sources, on real Kafka and PostgreSQL: receipts and dispositions close the loop of the clues handed over to it;
 * what it may not report on, or reports wrongly, is refused onto the dead-letter topic it reads, with the rule.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class ClueReportConsumerTest {

    static final String TOPIC = "xunshi.discipline.events";
    static final String DEAD_LETTERS = "xunshi.discipline.events.clue-reports.dlq";
    static final String SOURCE = "urn:ccdi:330000:clue-management";
    static final String CLUE_OFFICER_ZJ = TestTokens.bearer(Role.CLUE_OFFICER, ZHEJIANG);

    @Inject
    Pool pool;

    /** A clue of a stationed inspection of Zhejiang, handed over on 2026-03-20 and due on 2026-06-20. */
    private static String clue(String category) {
        String inspection = InspectionFixtures.inStatus(Inspection.Status.STATIONED);
        return given().header("Authorization", LEADER_ZJ).contentType(ContentType.JSON)
                .body("{\"inspectionId\":\"" + inspection + "\",\"category\":\"" + category + "\",\"receiverUnit\":"
                        + "\"省纪委监委第三监督检查室\",\"summary\":\"反映某局局长违规插手工程项目\",\"handedOverOn\":"
                        + "\"2026-03-20\"}")
                .post("/api/v1/clues").then().statusCode(201).extract().path("clueId");
    }

    /** A report as the organ's tools send it: its own id and source, the reporting jurisdiction, no relay headers. */
    private static CloudEventsOnKafka.Event report(String type, String clueId, String id, Object data) {
        return CloudEventsOnKafka.event(type, clueId).source(SOURCE).jurisdiction(ZHEJIANG).header("ce_id", id)
                .without("ce_aggregatetype").without("ce_aggregateversion").without("ce_globalposition")
                .data(data);
    }

    private static void publish(CloudEventsOnKafka.Event... events) {
        try (CloudEventsOnKafka discipline = CloudEventsOnKafka.as("discipline")) {
            for (CloudEventsOnKafka.Event event : events) {
                discipline.send(TOPIC, event);
            }
        }
    }

    private static String status(String clueId) {
        return given().header("Authorization", CLUE_OFFICER_ZJ).get("/api/v1/clues/" + clueId).then().statusCode(200)
                .extract().path("status");
    }

    private List<Row> events(String clueId) {
        List<Row> rows = new java.util.ArrayList<>();
        pool.preparedQuery("SELECT event_type, payload, metadata FROM events WHERE stream_id = $1 ORDER BY version")
                .executeAndAwait(Tuple.of(clueId)).forEach(rows::add);
        return rows;
    }

    @Test
    void the_organs_receipt_and_disposition_close_the_clues_loop_and_a_report_sent_again_changes_nothing() {
        String clueId = clue("DISCIPLINE_VIOLATION");
        String receipt = "JW-330000-2026-000117";
        publish(report(ClueReportConsumer.RECEIPT, clueId, receipt,
                new ClueReceiptReported(clueId, "jw-330000-xfs", LocalDate.of(2026, 3, 23))));
        await().atMost(WAIT).until(() -> "ACKNOWLEDGED".equals(status(clueId)));

        // Late: disposed of after the due date. Then the same report again under the same id, and under a new one.
        ClueDispositionReported disposed = new ClueDispositionReported(clueId, ClueDisposition.PRELIMINARY_CHECK,
                "已启动初步核实", "jw-330000-xfs", LocalDate.of(2026, 7, 1));
        publish(report(ClueReportConsumer.DISPOSITION, clueId, "JW-330000-2026-000118", disposed),
                report(ClueReportConsumer.DISPOSITION, clueId, "JW-330000-2026-000118", disposed),
                report(ClueReportConsumer.DISPOSITION, clueId, "JW-330000-2026-000119", disposed),
                report(ClueReportConsumer.RECEIPT, clueId, "JW-330000-2026-000120",
                        new ClueReceiptReported(clueId, "jw-330000-xfs", LocalDate.of(2026, 3, 24))));
        await().atMost(WAIT).until(() -> inboxed("JW-330000-2026-000120"));

        given().header("Authorization", CLUE_OFFICER_ZJ).get("/api/v1/clues/" + clueId).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("DISPOSED"))
                .body("disposition", org.hamcrest.Matchers.equalTo("PRELIMINARY_CHECK"))
                .body("acknowledgedOn", org.hamcrest.Matchers.equalTo("2026-03-23"))
                .body("disposedOn", org.hamcrest.Matchers.equalTo("2026-07-01"))
                .body("late", org.hamcrest.Matchers.equalTo(true));
        List<Row> events = events(clueId);
        assertThat(events).extracting(r -> r.getString("event_type")).containsExactly(
                "xunshi.inspection.ClueHandedOver",
                "xunshi.inspection.ClueAcknowledged", "xunshi.inspection.ClueDisposed");
        assertThat(events.get(1).getJsonObject("payload").getString("acknowledgedBy"))
                .isEqualTo("discipline-organ:jw-330000-xfs");
        assertThat(events.get(2).getJsonObject("metadata").getString("causationId")).isEqualTo("JW-330000-2026-000118");
        assertThat(events.get(2).getJsonObject("metadata").getString("actor")).isEqualTo("consumer:clue-reports");
        assertThat(inboxed(receipt)).isTrue();
    }

    @Test
    void an_id_is_one_event_only_within_its_source_so_another_system_of_the_organ_may_use_it_too() {
        String first = clue("LEADER_CONDUCT");
        String second = clue("DISCIPLINE_VIOLATION");
        String id = "42";
        publish(report(ClueReportConsumer.RECEIPT, first, id,
                new ClueReceiptReported(first, "jw-330000-xfs", LocalDate.of(2026, 3, 21))),
                report(ClueReportConsumer.RECEIPT, second, id,
                        new ClueReceiptReported(second, "jw-330100", LocalDate.of(2026, 3, 22)))
                        .source("https://jw.hangzhou.example/cases"));
        await().atMost(WAIT).until(() -> "ACKNOWLEDGED".equals(status(first)) && "ACKNOWLEDGED".equals(status(second)));
    }

    @Test
    void a_report_it_may_not_make_or_makes_wrongly_is_refused_onto_its_dead_letter_topic_with_the_rule() {
        String organisations = clue("CADRE_SELECTION");
        String disposed = clue("DISCIPLINE_VIOLATION");
        String noJurisdiction = clue("DISCIPLINE_VIOLATION");
        String run = UUID.randomUUID().toString();
        ClueDispositionReported first = new ClueDispositionReported(disposed, ClueDisposition.NO_FURTHER_ACTION,
                "予以了结", "jw-330000-xfs", LocalDate.of(2026, 4, 1));
        publish(report(ClueReportConsumer.RECEIPT, organisations, run + "-not-its",
                new ClueReceiptReported(organisations, "jw-330000-xfs", LocalDate.of(2026, 3, 21))),
                report(ClueReportConsumer.RECEIPT, disposed, run + "-other-province",
                        new ClueReceiptReported(disposed, "jw-440000", LocalDate.of(2026, 3, 21)))
                        .jurisdiction("440000"),
                report(ClueReportConsumer.RECEIPT, noJurisdiction, run + "-no-jurisdiction",
                        new ClueReceiptReported(noJurisdiction, "jw", LocalDate.of(2026, 3, 21)))
                        .without("ce_jurisdiction"),
                report(ClueReportConsumer.RECEIPT, "no-such-clue", run + "-unknown",
                        new ClueReceiptReported("no-such-clue", "jw", LocalDate.of(2026, 3, 21))),
                report(ClueReportConsumer.DISPOSITION, disposed, run + "-first", first),
                report(ClueReportConsumer.DISPOSITION, disposed, run + "-second", new ClueDispositionReported(disposed,
                        ClueDisposition.CASE_OPENED, "立案审查调查", "jw-330000-xfs", LocalDate.of(2026, 4, 2))),
                report(ClueReportConsumer.DISPOSITION, noJurisdiction, run + "-too-early",
                        new ClueDispositionReported(noJurisdiction, ClueDisposition.CASE_OPENED, "立案", "jw",
                                LocalDate.of(2026, 3, 1))),
                // The platform's own event type, passed off on the organ's topic.
                report("xunshi.inspection.ClueDisposed.v1", noJurisdiction, run + "-platform-type", first),
                report(ClueReportConsumer.RECEIPT, organisations, run + "-incomplete",
                        Map.of("clueId", organisations)));

        // The reports of different clues are on different partitions: read until every refusal is there.
        List<String> refused = java.util.stream.Stream.of("-not-its", "-other-province", "-no-jurisdiction",
                "-unknown", "-second", "-too-early", "-platform-type", "-incomplete").map(s -> run + s).toList();
        Map<String, String> reasons = deadLettersUntil(refused);
        assertThat(reasons).as("dead letters of this run").containsKeys(refused.toArray(String[]::new));
        assertThat(reasons.get(run + "-not-its")).startsWith("rejected: " + Clue.NOT_THE_RECEIVERS + ": "
                + ClueReportConsumer.RECEIPT + " " + run + "-not-its from " + SOURCE + ": clue " + organisations
                + " was handed over to the ORGANISATION_DEPARTMENT, not to the DISCIPLINE_ORGAN");
        assertThat(reasons.get(run + "-other-province")).startsWith("rejected: "
                + Clue.OUTSIDE_REPORTERS_JURISDICTION + ": ").endsWith("outside the reporter's 440000");
        assertThat(reasons.get(run + "-no-jurisdiction")).startsWith("invalid-payload: ")
                .contains("names no valid ce_jurisdiction");
        assertThat(reasons.get(run + "-unknown")).startsWith("rejected: " + Clue.NOT_HANDED_OVER + ": ");
        assertThat(reasons.get(run + "-second")).startsWith("rejected: " + Clue.ALREADY_DISPOSED + ": ");
        assertThat(reasons.get(run + "-too-early")).startsWith("rejected: " + Clue.DATE_OUT_OF_ORDER
                + " (disposedOn): ");
        assertThat(reasons.get(run + "-platform-type")).isEqualTo("unknown-type: clue-reports reads " + TOPIC
                + ", whose owner does not publish xunshi.inspection.ClueDisposed.v1");
        assertThat(reasons.get(run + "-incomplete")).startsWith("invalid-payload: ");
        assertThat(reasons).doesNotContainKey(run + "-first");

        // Nothing refused left a trace: the first disposition stands, the others' clues are as they were.
        assertThat(status(disposed)).isEqualTo("DISPOSED");
        given().header("Authorization", CLUE_OFFICER_ZJ).get("/api/v1/clues/" + disposed).then()
                .body("disposition", org.hamcrest.Matchers.equalTo("NO_FURTHER_ACTION"));
        assertThat(status(organisations)).isEqualTo("HANDED_OVER");
        assertThat(status(noJurisdiction)).isEqualTo("HANDED_OVER");
        assertThat(inboxed(run + "-not-its")).as("a refused report leaves no inbox entry").isFalse();
    }

    private boolean inboxed(String id) {
        return pool.preparedQuery("SELECT 1 FROM inbox WHERE consumer = $1 AND event_id = $2")
                .executeAndAwait(Tuple.of(ClueReportConsumer.NAME, id)).size() > 0;
    }

    /** The dead-letter reasons by {@code ce_id}, read until those of {@code ids} are there. */
    private static Map<String, String> deadLettersUntil(List<String> ids) {
        Map<String, String> reasons = new HashMap<>();
        KafkaTopicReader.readUntil(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                DEAD_LETTERS, record -> {
                    String id = header(record, "ce_id");
                    if (id != null) {
                        reasons.put(id, header(record, "dead-letter-reason"));
                    }
                    return reasons.keySet().containsAll(ids);
                }, WAIT);
        return reasons;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
