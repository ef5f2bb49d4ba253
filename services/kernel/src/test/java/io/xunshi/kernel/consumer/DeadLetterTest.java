package io.xunshi.kernel.consumer;

import static io.xunshi.testing.CloudEventsOnKafka.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.Tuple;
import io.xunshi.testing.CloudEventsOnKafka;
import io.xunshi.testing.KafkaTopicReader;
import io.xunshi.testing.RealInfrastructureResource;

@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class DeadLetterTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    Pool pool;

    @Inject
    MeterRegistry metrics;

    @Inject
    NoteTakingConsumer notes;

    @Test
    void unprocessable_records_go_to_the_dead_letter_topic_with_their_reason_and_the_next_one_is_processed() {
        UUID notHandled = UUID.randomUUID();
        UUID neverHeardOf = UUID.randomUUID();
        String key = "poison-" + UUID.randomUUID();
        UUID badJson = UUID.randomUUID();
        UUID foreignType = UUID.randomUUID();
        UUID newerVersion = UUID.randomUUID();
        UUID undecodable = UUID.randomUUID();
        UUID noType = UUID.randomUUID();
        UUID rejected = UUID.randomUUID();
        double handlerFailuresBefore = deadLetters("handler-failed");
        double passedOverBefore = passedOver();
        CloudEventsOnKafka.publish(NoteTakingConsumer.TOPIC,
                event(NoteTakingConsumer.NOTE_TAKEN, key).id(badJson).json("{\"note\": oops"),
                event("xunshi.othersource.NoteTaken.v1", key).id(foreignType),
                event("xunshi.testsource.NoteTaken.v2", key).id(newerVersion),
                event(NoteTakingConsumer.NOTE_TAKEN, key).id(undecodable).json("{\"note\": {\"not\": \"text\"}}"),
                event(NoteTakingConsumer.NOTE_TAKEN, key).id(noType).without("ce_type"),
                event(NoteTakingConsumer.NOTE_ARCHIVED, key).id(notHandled),
                event("xunshi.testsource.NeverHeardOf.v1", key).id(neverHeardOf),
                event(NoteTakingConsumer.NOTE_REJECTED, key).id(rejected),
                event(NoteTakingConsumer.NOTE_TAKEN, key).json("{\"note\":\"fine\"}"));

        await().atMost(WAIT).until(() -> notesFor(key) == 1);

        Map<String, ConsumerRecord<String, String>> dead = deadLettersById(List.of(badJson, foreignType,
                newerVersion, undecodable, noType, rejected));
        assertThat(dead).as("the types of its topic a consumer does not handle are passed over, not dead-lettered")
                .doesNotContainKeys(notHandled.toString(), neverHeardOf.toString());
        assertThat(passedOver()).isGreaterThanOrEqualTo(passedOverBefore + 2);
        assertThat(reason(dead.get(badJson.toString()))).startsWith("malformed-payload:");
        assertThat(reason(dead.get(foreignType.toString()))).isEqualTo("unknown-type: kernel-test-notes reads "
                + "xunshi.testsource.events, whose owner does not publish xunshi.othersource.NoteTaken.v1");
        assertThat(reason(dead.get(newerVersion.toString()))).isEqualTo("unknown-type: kernel-test-notes reads "
                + "xunshi.testsource.NoteTaken up to v1, not xunshi.testsource.NoteTaken.v2");
        assertThat(reason(dead.get(undecodable.toString())))
                .startsWith("invalid-payload: " + NoteTakingConsumer.NOTE_TAKEN + " " + undecodable
                        + " does not decode into NoteTaken");
        assertThat(reason(dead.get(noType.toString()))).startsWith("missing-header:").contains("ce_type");
        assertThat(reason(dead.get(rejected.toString()))).startsWith("handler-failed:").contains("3 times");
        assertThat(header(dead.get(rejected.toString()), "dead-letter-cause"))
                .isEqualTo("notes of this kind are refused");
        assertThat(header(dead.get(rejected.toString()), "dead-letter-topic")).isEqualTo(NoteTakingConsumer.TOPIC);
        assertThat(dead.get(badJson.toString()).value()).isEqualTo("{\"note\": oops");
        assertThat(notes.rejections()).isGreaterThanOrEqualTo(3);
        assertThat(deadLetters("handler-failed")).isEqualTo(handlerFailuresBefore + 1);
        assertThat(deadLetters("malformed-payload")).isPositive();
        assertThat(deadLetters("unknown-type")).isGreaterThanOrEqualTo(2);
        assertThat(deadLetters("invalid-payload")).isPositive();
        assertThat(deadLetters("missing-header")).isPositive();
    }

    @Test
    void an_event_whose_id_is_no_uuid_is_handled_once_and_a_control_character_in_an_id_is_dead_lettered() {
        String key = "partner-" + UUID.randomUUID();
        String partnerId = "GD-440000/巡视-" + UUID.randomUUID().toString().substring(0, 8);
        String badId = "line\nbreak-" + UUID.randomUUID();
        CloudEventsOnKafka.publish(NoteTakingConsumer.TOPIC,
                event(NoteTakingConsumer.NOTE_TAKEN, key).header("ce_id", partnerId).json("{\"note\":\"once\"}"),
                event(NoteTakingConsumer.NOTE_TAKEN, key).header("ce_id", partnerId).json("{\"note\":\"once\"}"),
                event(NoteTakingConsumer.NOTE_TAKEN, key).header("ce_id", badId).json("{\"note\":\"bad\"}"),
                event(NoteTakingConsumer.NOTE_TAKEN, key).json("{\"note\":\"after\"}"));

        // The last note, on the same key and so the same partition, is handled after the three before it.
        await().atMost(WAIT).until(() -> notesFor(key) >= 2);

        assertThat(notesFor(key)).as("the partner event once, its redelivery not at all, then the last note")
                .isEqualTo(2);
        assertThat(pool.preparedQuery("SELECT count(*) AS n FROM inbox WHERE consumer = $1 AND event_id = $2")
                .executeAndAwait(Tuple.of(NoteTakingConsumer.NAME, partnerId)).iterator().next().getLong("n"))
                .isEqualTo(1L);
        Map<String, ConsumerRecord<String, String>> found = new HashMap<>();
        KafkaTopicReader.readUntil(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                NoteTakingConsumer.DEAD_LETTER_TOPIC, record -> {
                    String id = header(record, "ce_id");
                    if (badId.equals(id)) {
                        found.put(id, record);
                    }
                    return found.containsKey(badId);
                }, WAIT);
        assertThat(reason(found.get(badId))).startsWith("malformed-header: ce_id holds a control character");
    }

    private double passedOver() {
        var counter = metrics.find("xunshi.consumer.skipped")
                .tags("consumer", NoteTakingConsumer.NAME, "reason", "not-handled").counter();
        return counter == null ? 0 : counter.count();
    }

    private Map<String, ConsumerRecord<String, String>> deadLettersById(List<UUID> ids) {
        Map<String, ConsumerRecord<String, String>> found = new HashMap<>();
        KafkaTopicReader.readUntil(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                NoteTakingConsumer.DEAD_LETTER_TOPIC, record -> {
                    String id = header(record, "ce_id");
                    if (id != null) {
                        found.put(id, record);
                    }
                    return ids.stream().allMatch(wanted -> found.containsKey(wanted.toString()));
                }, WAIT);
        return found;
    }

    private double deadLetters(String reason) {
        var counter = metrics.find("xunshi.consumer.dead_letters")
                .tags("consumer", NoteTakingConsumer.NAME, "reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    private int notesFor(String subject) {
        RowIterator<Row> rows = pool.preparedQuery("SELECT notes FROM test_note_counts WHERE subject = $1")
                .executeAndAwait(Tuple.of(subject)).iterator();
        return rows.hasNext() ? rows.next().getInteger("notes") : 0;
    }

    private static String reason(ConsumerRecord<String, String> record) {
        return header(record, "dead-letter-reason");
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
