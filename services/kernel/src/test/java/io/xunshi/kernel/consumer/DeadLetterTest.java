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
        UUID ignored = UUID.randomUUID();
        String key = "poison-" + UUID.randomUUID();
        UUID badJson = UUID.randomUUID();
        UUID unknownType = UUID.randomUUID();
        UUID noType = UUID.randomUUID();
        UUID rejected = UUID.randomUUID();
        double handlerFailuresBefore = deadLetters("handler-failed");
        CloudEventsOnKafka.publish(NoteTakingConsumer.TOPIC,
                event(NoteTakingConsumer.NOTE_TAKEN, key).id(badJson).json("{\"note\": oops"),
                event("xunshi.testsource.NeverHeardOf.v1", key).id(unknownType),
                event(NoteTakingConsumer.NOTE_TAKEN, key).id(noType).without("ce_type"),
                event(NoteTakingConsumer.NOTE_ARCHIVED, key).id(ignored),
                event(NoteTakingConsumer.NOTE_REJECTED, key).id(rejected),
                event(NoteTakingConsumer.NOTE_TAKEN, key).json("{\"note\":\"fine\"}"));

        await().atMost(WAIT).until(() -> notesFor(key) == 1);

        Map<String, ConsumerRecord<String, String>> dead = deadLettersById(List.of(badJson, unknownType, noType,
                rejected));
        assertThat(dead).as("a type the consumer ignores is passed over, not dead-lettered")
                .doesNotContainKey(ignored.toString());
        assertThat(reason(dead.get(badJson.toString()))).startsWith("malformed-payload:");
        assertThat(reason(dead.get(unknownType.toString())))
                .isEqualTo("unknown-type: kernel-test-notes has no handler for xunshi.testsource.NeverHeardOf.v1");
        assertThat(reason(dead.get(noType.toString()))).startsWith("missing-header:").contains("ce_type");
        assertThat(reason(dead.get(rejected.toString()))).startsWith("handler-failed:").contains("3 times");
        assertThat(header(dead.get(rejected.toString()), "dead-letter-cause"))
                .isEqualTo("notes of this kind are refused");
        assertThat(header(dead.get(rejected.toString()), "dead-letter-topic")).isEqualTo(NoteTakingConsumer.TOPIC);
        assertThat(dead.get(badJson.toString()).value()).isEqualTo("{\"note\": oops");
        assertThat(notes.rejections()).isGreaterThanOrEqualTo(3);
        assertThat(deadLetters("handler-failed")).isEqualTo(handlerFailuresBefore + 1);
        assertThat(deadLetters("malformed-payload")).isPositive();
        assertThat(deadLetters("unknown-type")).isPositive();
        assertThat(deadLetters("missing-header")).isPositive();
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
