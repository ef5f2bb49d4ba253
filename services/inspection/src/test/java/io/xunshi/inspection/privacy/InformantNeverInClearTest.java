package io.xunshi.inspection.privacy;

import static io.restassured.RestAssured.given;
import static io.xunshi.inspection.InspectionFixtures.INSPECTION_TOPIC;
import static io.xunshi.inspection.InspectionFixtures.LEADER_ZJ;
import static io.xunshi.inspection.InspectionFixtures.MEMBER_ZJ;
import static io.xunshi.inspection.InspectionFixtures.OFFICE_ZJ;
import static io.xunshi.inspection.InspectionFixtures.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.assertj.core.api.SoftAssertions;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import io.xunshi.inspection.InspectionFixtures;
import io.xunshi.testing.KafkaTopicReader;
import io.xunshi.testing.RealInfrastructureResource;

/**
 * The informant of a finding is personal data (docs/adr/0020-personal-data.md): recorded with unique marker strings
 * as name and contact, the markers appear nowhere in clear — not in any answer, not in the event store, not on the
 * service's Kafka topic (every record read, key, value and headers), not in any table of the service's schema (read
 * models, idempotency records, inbox, checkpoints, subject keys …, each read whole as text), and not in the service's
 * log output while the test runs (every record at every level the service's loggers pass, io.xunshi at DEBUG).
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class InformantNeverInClearTest {

    @Inject
    Pool pool;

    @Inject
    ObjectMapper json;

    private final Places.LogCapture logs = new Places.LogCapture();

    @BeforeEach
    void captureLogs() {
        logs.start();
    }

    @AfterEach
    void stopCapturing() {
        logs.stop();
    }

    private List<String> answers = new ArrayList<>();

    private Response answered(Response response) {
        answers.add(response.asString() + " " + response.headers());
        return response;
    }

    private Response post(String token, String id, String action, String body, String idempotencyKey) {
        var request = given().header("Authorization", token).contentType(ContentType.JSON).body(body);
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return answered(request.post("/api/v1/inspections/" + id + "/" + action));
    }

    @Test
    void an_informants_name_and_contact_appear_nowhere_in_clear() throws Exception {
        // The markers: unique, ASCII at their core, so that they would show in any text encoding of the value.
        String nameMarker = "NAME" + UUID.randomUUID().toString().replace("-", "");
        String contactMarker = "CONTACT" + UUID.randomUUID().toString().replace("-", "");
        String name = "线索人" + nameMarker;
        String contact = "tel:" + contactMarker;
        List<String> markers = List.of(nameMarker, contactMarker);
        Logger.getLogger("io.xunshi.inspection").fine("log capture canary " + UUID.randomUUID());

        String id = InspectionFixtures.opened();
        InspectionFixtures.withTeam(id);
        post(OFFICE_ZJ, id, "stationing", "{\"stationedOn\":\"2026-03-02\"}", null).then().statusCode(200);
        String finding = "{\"focusArea\":\"PARTY_LINE\",\"description\":\"群众反映违规发放津补贴\","
                + "\"severity\":\"SERIOUS\",\"evidence\":[\"来信 3\"],\"informant\":{\"name\":\"" + name
                + "\",\"contact\":\"" + contact + "\"}}";
        // Bad informants first: refused with 422 naming the field, their values not echoed.
        post(MEMBER_ZJ, id, "findings", finding.replace("\"" + name + "\"", "\" \""), null).then().statusCode(422)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("informant.name"));
        post(MEMBER_ZJ, id, "findings", finding.replace(contact, contact + "x".repeat(500)), null).then()
                .statusCode(422).body("errors[0].field", org.hamcrest.Matchers.equalTo("informant.contact"));
        post(MEMBER_ZJ, id, "findings", finding.replace("\"" + contact + "\"", "[\"" + contact + "\"]"), null).then()
                .statusCode(400);

        String key = "informant-" + UUID.randomUUID();
        Response recorded = post(MEMBER_ZJ, id, "findings", finding, key);
        recorded.then().statusCode(201);
        String subject = recorded.jsonPath().getString("informantSubject");
        assertThat(subject).startsWith("informant-");
        post(MEMBER_ZJ, id, "findings", finding, key).then().statusCode(201).header("Idempotent-Replayed", "true");
        answered(given().header("Authorization", MEMBER_ZJ).get(recorded.header("Location"))).then().statusCode(200)
                .body("informantSubject", org.hamcrest.Matchers.equalTo(subject));
        post(LEADER_ZJ, id, "findings/" + recorded.jsonPath().getString("findingId") + "/review",
                "{\"decision\":\"SEND_BACK\",\"reason\":\"线索待核实\"}", null).then().statusCode(200);
        post(LEADER_ZJ, id, "report", "{\"reportedOn\":\"2026-05-10\",\"summary\":\"群众来信反映问题\"}", null).then()
                .statusCode(200);
        post(OFFICE_ZJ, id, "feedback", "{\"givenOn\":\"2026-06-15\",\"organisationHead\":\"王五\"}", null).then()
                .statusCode(200);
        post(OFFICE_ZJ, id, "close", "{\"closedOn\":\"2026-06-30\"}", null).then().statusCode(200);
        answered(given().header("Authorization", OFFICE_ZJ).get("/api/v1/inspections/" + id)).then().statusCode(200)
                .body("findings[0].informantSubject", org.hamcrest.Matchers.equalTo(subject));

        // The topic: every record up to this inspection's last one (read from the beginning), key, value, headers.
        List<ConsumerRecord<String, String>> records = KafkaTopicReader.readUntil(
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class), INSPECTION_TOPIC,
                r -> id.equals(r.key()) && "xunshi.inspection.InspectionClosed.v1".equals(header(r, "ce_type")), WAIT);
        String topic = Places.topic(records);
        List<ConsumerRecord<String, String>> mine = records.stream().filter(r -> id.equals(r.key())).toList();
        JsonNode published = json.readTree(mine.stream()
                .filter(r -> "xunshi.inspection.FindingRecorded.v1".equals(header(r, "ce_type"))).findFirst()
                .orElseThrow().value());
        assertThat(published.at("/informant/name/sealed").asText()).as("the informant travels sealed")
                .isEqualTo("A256GCM");
        assertThat(published.at("/informant/contact/subject").asText()).isEqualTo(subject);
        String feedback = mine.stream().filter(r -> "xunshi.inspection.FeedbackGiven.v1".equals(header(r, "ce_type")))
                .findFirst().orElseThrow().value();
        assertThat(feedback).as("the feedback carries no informant, sealed or not").doesNotContain(subject)
                .doesNotContain("A256GCM");

        // Every table of the service's schema, whole, once the read model has caught up with the close.
        await().atMost(WAIT).until(() -> "CLOSED".equals(pool.preparedQuery("SELECT status FROM inspections"
                + " WHERE inspection_id = $1").execute(Tuple.of(id)).await().atMost(WAIT).iterator().next()
                .getString("status")));
        List<String> tables = Places.tables(pool);
        assertThat(tables).contains("events", "inspections", "idempotency_keys", "inbox", "subject_keys",
                "checkpoints");
        String database = Places.database(pool, tables);
        String events = database.lines().filter(l -> l.startsWith("events: ") && l.contains(id))
                .reduce("", (a, b) -> a + b + "\n");
        assertThat(events).as("the event store holds the sealed informant").contains(subject).contains("A256GCM");
        assertThat(database).as("the idempotency record of the finding is there").contains(key);

        await().atMost(WAIT).until(() -> logs.contains("log capture canary"));
        String logged = logs.text();

        // Every place is checked, so that a failure names all the places a marker reached.
        SoftAssertions clear = new SoftAssertions();
        for (String marker : markers) {
            clear.assertThat(String.join("\n", answers)).as("the answers").doesNotContain(marker);
            clear.assertThat(topic).as("the topic %s", INSPECTION_TOPIC).doesNotContain(marker);
            clear.assertThat(database).as("the tables %s", tables).doesNotContain(marker);
            clear.assertThat(logged).as("the log output").doesNotContain(marker);
        }
        clear.assertAll();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return Places.header(record, name);
    }
}
