package io.xunshi.kernel.projection;

import static io.restassured.RestAssured.given;
import static io.xunshi.testing.CloudEventsOnKafka.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.xunshi.testing.CloudEventsOnKafka;
import io.xunshi.testing.RealInfrastructureResource;

@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class TopicProjectionTest {

    private static final Logger LOG = Logger.getLogger(TopicProjectionTest.class);
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int SUBJECTS = 30;
    private static final int FINDINGS_PER_SUBJECT = 10;
    private static final String NAME = RemoteFindingsProjection.NAME;

    @Inject
    Pool pool;

    @Inject
    TopicProjectionRunner runner;

    @Inject
    RemoteFindingsProjection projection;

    @Test
    void a_projection_of_another_services_topic_rebuilt_from_the_beginning_equals_the_live_one_then_resumes_live()
            throws Exception {
        String prefix = "remote-" + UUID.randomUUID() + "-";
        Map<Integer, Long> sent = new HashMap<>();
        try (CloudEventsOnKafka kafka = new CloudEventsOnKafka()) {
            List<Future<RecordMetadata>> sending = new ArrayList<>();
            sending.add(kafka.send(RemoteFindingsProjection.TOPIC,
                    event(finding(), prefix + "x").json("{\"severity\": ")));
            sending.add(kafka.send(RemoteFindingsProjection.TOPIC,
                    event("xunshi.testremote.SomethingElse.v1", prefix + "y")));
            for (int n = 0; n < FINDINGS_PER_SUBJECT; n++) {
                for (int s = 0; s < SUBJECTS; s++) {
                    sending.add(sendFinding(kafka, prefix + s, n % 2 == 0 ? "major" : "minor"));
                }
            }
            sending.forEach(future -> record(sent, CloudEventsOnKafka.acknowledged(future)));
        }
        await().atMost(WAIT).until(() -> findings(prefix) == SUBJECTS * FINDINGS_PER_SUBJECT
                && offsets().entrySet().containsAll(sent.entrySet()));
        List<String> live = rows();
        Map<Integer, Long> liveOffsets = offsets();

        RebuildReport report;
        try (ConcurrentReads reads = new ConcurrentReads(pool, "test_remote_findings")) {
            report = runner.rebuild(RemoteFindingsProjection.NAME).await().atMost(WAIT);
            assertThat(reads.counts()).isNotEmpty();
            reads.close();
            assertThat(reads.counts()).containsOnly((long) live.size());
        }

        LOG.infof("rebuilt %s: %d records in %d ms, %.0f records/s", report.projection(), report.events(),
                report.took().toMillis(), report.eventsPerSecond());
        assertThat(rows()).containsExactlyElementsOf(live);
        assertThat(offsets()).isEqualTo(liveOffsets);

        try (CloudEventsOnKafka kafka = new CloudEventsOnKafka()) {
            sendFinding(kafka, prefix + "after-rebuild", "major");
        }
        await().atMost(WAIT).until(() -> findings(prefix) == SUBJECTS * FINDINGS_PER_SUBJECT + 1);
        assertThat(rows()).hasSize(live.size() + 1);
    }

    @Test
    void a_poll_that_fails_after_writing_moves_neither_the_rows_nor_the_offsets() {
        String subject = "remote-failing-" + UUID.randomUUID();
        UUID failing = UUID.randomUUID();
        int failuresBefore = projection.failures();
        RecordMetadata sent;
        projection.failOn(failing);
        try {
            try (CloudEventsOnKafka kafka = new CloudEventsOnKafka()) {
                sent = kafka.sendAndWait(RemoteFindingsProjection.TOPIC,
                        event(finding(), subject).id(failing).json("{\"severity\":\"major\"}"));
            }
            await().atMost(WAIT).until(() -> projection.failures() >= failuresBefore + 2);

            assertThat(findings(subject)).isZero();
            assertThat(offsets().getOrDefault(sent.partition(), 0L)).isLessThanOrEqualTo(sent.offset());
        } finally {
            projection.failOn(null);
        }

        await().atMost(WAIT).until(() -> findings(subject) == 1);
        assertThat(offsets().get(sent.partition())).isGreaterThan(sent.offset());
    }

    @Test
    void its_consumer_lag_and_the_records_it_skipped_are_published_as_metrics() {
        String prefix = "remote-metrics-" + UUID.randomUUID();
        try (CloudEventsOnKafka kafka = new CloudEventsOnKafka()) {
            kafka.send(RemoteFindingsProjection.TOPIC, event(finding(), prefix).json("not json"));
            kafka.send(RemoteFindingsProjection.TOPIC,
                    event(finding(), prefix + "-no-severity").json("{\"severity\":\" \"}"));
            sendFinding(kafka, prefix, "minor");
        }
        await().atMost(WAIT).until(() -> findings(prefix) == 1);
        assertThat(findings(prefix + "-no-severity")).as("an unusable finding is passed over").isZero();

        await().atMost(WAIT).untilAsserted(() -> assertThat(
                given().when().get("/q/metrics").then().statusCode(200).extract().asString())
                .contains("xunshi_projection_lag{projection=\"" + NAME + "\"} 0.0")
                .containsPattern("xunshi_projection_skipped_total\\{[^}]*reason=\"malformed-payload\"")
                .containsPattern("xunshi_projection_skipped_total\\{[^}]*reason=\"unusable\""));
    }

    @Test
    void records_the_projection_cannot_use_are_dead_lettered_with_their_reason_and_the_feed_goes_on() {
        String prefix = "poison-" + UUID.randomUUID() + "-";
        UUID notJson = UUID.randomUUID();
        UUID noSource = UUID.randomUUID();
        UUID noSeverity = UUID.randomUUID();
        CloudEventsOnKafka.publish(RemoteFindingsProjection.TOPIC,
                event(finding(), prefix + "a").id(notJson).json("{\"severity\": "),
                event(finding(), prefix + "a").id(noSource).without("ce_source").json("{\"severity\":\"major\"}"),
                event(finding(), prefix + "a").id(noSeverity).json("{\"severity\":\"\"}"),
                event(finding(), prefix + "a").json("{\"severity\":\"minor\"}"));
        await().atMost(WAIT).until(() -> findings(prefix) == 1);

        String deadLetterTopic = RemoteFindingsProjection.TOPIC + "." + NAME + ".dlq";
        Map<String, String> reasons = new HashMap<>();
        io.xunshi.testing.KafkaTopicReader.readUntil(
                org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue("kafka.bootstrap.servers",
                        String.class),
                deadLetterTopic, record -> {
                    var id = record.headers().lastHeader("ce_id");
                    var reason = record.headers().lastHeader("dead-letter-reason");
                    if (id != null && reason != null) {
                        reasons.putIfAbsent(new String(id.value()), new String(reason.value()));
                    }
                    return reasons.keySet().containsAll(List.of(notJson.toString(), noSource.toString(),
                            noSeverity.toString()));
                }, WAIT);
        assertThat(reasons.get(notJson.toString())).startsWith("malformed-payload:");
        assertThat(reasons.get(noSource.toString())).startsWith("missing-header:").contains("ce_source");
        assertThat(reasons.get(noSeverity.toString())).startsWith("unusable:").contains("lacks severity");
    }

    private static String finding() {
        return RemoteFindingsProjection.FINDING_RECORDED + ".v1";
    }

    private static Future<RecordMetadata> sendFinding(CloudEventsOnKafka kafka, String subject, String severity) {
        return kafka.send(RemoteFindingsProjection.TOPIC,
                event(finding(), subject).json("{\"severity\":\"" + severity + "\"}"));
    }

    private static void record(Map<Integer, Long> nextOffsets, RecordMetadata sent) {
        nextOffsets.merge(sent.partition(), sent.offset() + 1, Math::max);
    }

    private long findings(String prefix) {
        return pool.preparedQuery("SELECT count(*) AS n FROM test_remote_findings WHERE subject LIKE $1")
                .executeAndAwait(Tuple.of(prefix + "%")).iterator().next().getLong("n");
    }

    private Map<Integer, Long> offsets() {
        Map<Integer, Long> offsets = new HashMap<>();
        for (Row row : pool.preparedQuery("SELECT partition, next_offset FROM topic_offsets WHERE consumer = $1"
                + " AND topic = $2 AND next_offset > 0").executeAndAwait(Tuple.of(RemoteFindingsProjection.NAME,
                        RemoteFindingsProjection.TOPIC))) {
            offsets.put(row.getInteger("partition"), row.getLong("next_offset"));
        }
        return offsets;
    }

    private List<String> rows() {
        List<String> rows = new ArrayList<>();
        for (Row row : pool.query("SELECT event_id, subject, jurisdiction, severity, occurred_at"
                + " FROM test_remote_findings ORDER BY event_id").executeAndAwait()) {
            rows.add(row.toJson().encode());
        }
        return rows;
    }
}
