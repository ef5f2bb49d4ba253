package io.xunshi.kernel.consumer;

import static io.restassured.RestAssured.given;
import static io.xunshi.testing.CloudEventsOnKafka.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.Tuple;
import io.xunshi.testing.CloudEventsOnKafka;
import io.xunshi.testing.KafkaTopicReader;
import io.xunshi.testing.RealInfrastructureResource;

/**
 * The database goes away under a consumer with records to process — its connections reset, new ones refused —
 * and comes back several seconds later. Nothing may be dead-lettered or lost: the consumer holds its records,
 * readiness says it is stalled and on what, and once the database is back every record has its effect once.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class DatabaseOutageTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    Pool pool;

    @Inject
    OutageConsumer outage;

    @Inject
    MeterRegistry metrics;

    @Test
    void records_that_meet_an_unreachable_database_wait_for_it_and_are_processed_once_not_dead_lettered() {
        String subject = "outage-" + UUID.randomUUID();
        CloudEventsOnKafka.publish(OutageConsumer.TOPIC, event(OutageConsumer.NOTE_TAKEN, subject).json("{}"));
        await().atMost(WAIT).until(() -> notesFor(subject) == 1);
        assertThat(stalled()).as("the stall gauge exists, at 0, before any stall (so alerts on it can be checked)")
                .isEqualTo(0.0);

        outage.cutDatabase();
        List<UUID> during = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        try {
            CloudEventsOnKafka.publish(OutageConsumer.TOPIC, during.stream()
                    .map(id -> event(OutageConsumer.NOTE_TAKEN, subject).id(id).json("{}"))
                    .toArray(CloudEventsOnKafka.Event[]::new));

            await().atMost(WAIT).until(() -> transientFailures() >= 6);
            JsonPath ready = readiness();
            assertThat(ready.getString("status")).isEqualTo("DOWN");
            assertThat(ready.getString(check(ConsumersReadiness.NAME) + ".status")).isEqualTo("DOWN");
            assertThat(ready.getString(check(ConsumersReadiness.NAME) + ".data.'" + OutageConsumer.NAME + "'"))
                    .startsWith("stalled since").contains(OutageConsumer.NOTE_TAKEN).contains(during.get(0).toString());
            assertThat(notesFor(subject)).as("nothing applied while the database is away").isEqualTo(1);
            assertThat(stalled()).isEqualTo(1.0);
        } finally {
            outage.restoreDatabase();
        }

        await().atMost(WAIT).until(() -> notesFor(subject) == 1 + during.size());
        await().atMost(WAIT)
                .until(() -> "UP".equals(readiness().getString(check(ConsumersReadiness.NAME) + ".status")));
        // A marker after the outage: once it is applied, everything before it on the partition has been handled.
        CloudEventsOnKafka.publish(OutageConsumer.TOPIC, event(OutageConsumer.NOTE_TAKEN, subject).json("{}"));
        await().atMost(WAIT).until(() -> notesFor(subject) == 2 + during.size());
        for (UUID id : during) {
            assertThat(inboxEntries(id)).as("event %s handled exactly once", id).isEqualTo(1);
        }
        assertThat(deadLettered(during)).as("no record that met the outage was dead-lettered").isEmpty();
    }

    private List<String> deadLettered(List<UUID> ids) {
        // The dead-letter topic may not exist at all; a marker record written here makes the read definite.
        String marker = UUID.randomUUID().toString();
        CloudEventsOnKafka.publish(OutageConsumer.DEAD_LETTER_TOPIC,
                event(OutageConsumer.NOTE_TAKEN, marker).json("{}"));
        List<ConsumerRecord<String, String>> read = KafkaTopicReader.readUntil(
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                OutageConsumer.DEAD_LETTER_TOPIC, record -> marker.equals(record.key()), WAIT);
        return read.stream().map(r -> r.headers().lastHeader("ce_id"))
                .filter(h -> h != null)
                .map(h -> new String(h.value(), java.nio.charset.StandardCharsets.UTF_8))
                .filter(id -> ids.stream().anyMatch(wanted -> wanted.toString().equals(id)))
                .toList();
    }

    /** xunshi.consumer.stalled of the outage consumer; NaN when the gauge is not registered. */
    private double stalled() {
        var gauge = metrics.find("xunshi.consumer.stalled").tags("consumer", OutageConsumer.NAME).gauge();
        return gauge == null ? Double.NaN : gauge.value();
    }

    private double transientFailures() {
        var counter = metrics.find("xunshi.consumer.transient_failures").tags("consumer", OutageConsumer.NAME)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private static JsonPath readiness() {
        return given().get("/q/health/ready").then().extract().jsonPath();
    }

    /** The GPath of the named check in a health response. */
    private static String check(String name) {
        return "checks.find { it.name == '" + name + "' }";
    }

    private long inboxEntries(UUID eventId) {
        return pool.preparedQuery("SELECT count(*) AS n FROM inbox WHERE consumer = $1 AND event_id = $2")
                .executeAndAwait(Tuple.of(OutageConsumer.NAME, eventId.toString())).iterator().next().getLong("n");
    }

    private int notesFor(String subject) {
        RowIterator<Row> rows = pool.preparedQuery("SELECT notes FROM test_note_counts WHERE subject = $1")
                .executeAndAwait(Tuple.of(subject)).iterator();
        return rows.hasNext() ? rows.next().getInteger("notes") : 0;
    }
}
