package io.xunshi.kernel;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.inject.spi.CDI;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.xunshi.kernel.eventstore.EventMetadata;
import io.xunshi.kernel.eventstore.EventStore;
import io.xunshi.kernel.eventstore.ExpectedVersion;
import io.xunshi.kernel.eventstore.NewEvent;
import io.xunshi.testing.KafkaTopicReader;

/**
 * What every service proves about its foundation, against a real PostgreSQL and a real Kafka: it
 * migrates and writes to its own schema, what it sends reaches its topic on the shared log, its
 * readiness reflects both, and the API it serves is the one published in contracts/. A service's test
 * extends this class and is annotated {@code @QuarkusTest}.
 */
public abstract class ServiceFoundationContract {

    static String config(String key) {
        return ConfigProvider.getConfig().getValue(key, String.class);
    }

    @Test
    void its_migrations_create_the_event_store_in_its_own_schema_and_an_append_lands_there() {
        String schema = config("xunshi.service.schema");
        EventStore store = CDI.current().select(EventStore.class).get();
        String streamId = "foundation-" + UUID.randomUUID();

        store.append(streamId, "FoundationProbe", "100000", ExpectedVersion.NO_STREAM,
                List.of(NewEvent.of("xunshi.test.ProbeWritten", 1, JsonNodeFactory.instance.objectNode()
                        .put("probe", true), EventMetadata.none())))
                .await().atMost(Duration.ofSeconds(30));

        Pool pool = store.pool();
        Row where = pool.query("SELECT current_schema() AS s").executeAndAwait().iterator().next();
        assertThat(where.getString("s")).isEqualTo(schema);
        Row found = pool.preparedQuery("SELECT count(*) AS n FROM " + schema + ".events WHERE stream_id = $1")
                .executeAndAwait(Tuple.of(streamId)).iterator().next();
        assertThat(found.getLong("n")).isEqualTo(1L);
        Row migrated = pool.preparedQuery("SELECT count(*) AS n FROM information_schema.tables"
                + " WHERE table_schema = $1 AND table_name IN ('flyway_schema_history', 'kernel_schema_history')")
                .executeAndAwait(Tuple.of(schema)).iterator().next();
        assertThat(migrated.getLong("n")).isEqualTo(2L);
    }

    @Test
    void an_event_it_appends_reaches_its_topic_and_is_read_back_by_an_independent_kafka_consumer() {
        String topic = config("xunshi.kafka.topic");
        String streamId = "foundation-" + UUID.randomUUID();
        EventStore store = CDI.current().select(EventStore.class).get();

        store.append(streamId, "FoundationProbe", "100000", ExpectedVersion.NO_STREAM,
                List.of(NewEvent.of("xunshi.test.ProbeSent", 1, JsonNodeFactory.instance.objectNode()
                        .put("probe", streamId), EventMetadata.none())))
                .await().atMost(Duration.ofSeconds(30));

        List<ConsumerRecord<String, String>> read = KafkaTopicReader.readUntil(config("kafka.bootstrap.servers"),
                topic, r -> streamId.equals(r.key()), Duration.ofSeconds(30));
        ConsumerRecord<String, String> record = read.get(read.size() - 1);
        assertThat(record.value()).isEqualTo("{\"probe\":\"" + streamId + "\"}");
        assertThat(new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8))
                .isEqualTo("xunshi.test.ProbeSent.v1");
    }

    @Test
    void it_is_ready_with_its_database_whether_or_not_kafka_answers_and_serves_its_api_documentation() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        // Writes go through the outbox, which holds them while Kafka is away: readiness does not depend on the
        // broker (operators alert on relay and consumer lag instead), only on the database.
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Reactive PostgreSQL connections health check"))
                .body("checks.name", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.containsStringIgnoringCase("kafka"))))
                // the messaging check stays for liveness (a channel failed for good), but no channel reports readiness
                .body("checks.find { it.name.contains('Messaging') }.data", org.hamcrest.Matchers.anyOf(
                        org.hamcrest.Matchers.nullValue(), org.hamcrest.Matchers.anEmptyMap()));
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body("openapi", org.hamcrest.Matchers.startsWith("3."));
        given().when().get("/q/swagger-ui/").then().statusCode(200);
    }
}
