package io.xunshi.inspection.privacy;

import static io.restassured.RestAssured.given;
import static io.xunshi.inspection.InspectionFixtures.INSPECTION_TOPIC;
import static io.xunshi.inspection.InspectionFixtures.JIANGSU;
import static io.xunshi.inspection.InspectionFixtures.MEMBER_ZJ;
import static io.xunshi.inspection.InspectionFixtures.OFFICE_ZJ;
import static io.xunshi.inspection.InspectionFixtures.WAIT;
import static io.xunshi.inspection.InspectionFixtures.ZHEJIANG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

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
import io.xunshi.inspection.domain.Inspection;
import io.xunshi.inspection.domain.Petition;
import io.xunshi.kernel.privacy.PersonalDataVault;
import io.xunshi.kernel.security.Role;
import io.xunshi.testing.KafkaTopicReader;
import io.xunshi.testing.RealInfrastructureResource;
import io.xunshi.testing.TestTokens;

/**
 * A petition's reporter (docs/adr/0025): recorded with unique markers as name and contact, the identity is opened only
 * by the identity reader, each opening recorded for auditors before it is answered; once erased it is unreadable
 * everywhere — the API, the topic (its sealed values no longer open), every table (the key is gone), and the
 * petitions read model rebuilt from zero — while the hash chains still verify. Outside the reader's one answer the
 * markers appear nowhere in clear, the log output included.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class ReporterErasureTest {

    private static final String READER_ZJ = TestTokens.bearer(Role.IDENTITY_READER, ZHEJIANG);

    @Inject
    Pool pool;

    @Inject
    ObjectMapper json;

    @Inject
    PersonalDataVault vault;

    private final Places.LogCapture logs = new Places.LogCapture();
    private final List<String> answers = new ArrayList<>();

    @BeforeEach
    void captureLogs() {
        logs.start();
    }

    @AfterEach
    void stopCapturing() {
        logs.stop();
    }

    private Response answered(Response response) {
        answers.add(response.asString() + " " + response.headers());
        return response;
    }

    private Response post(String token, String path, String body) {
        return answered(given().header("Authorization", token).contentType(ContentType.JSON).body(body)
                .post("/api/v1/petitions" + path));
    }

    @Test
    void a_reporter_is_opened_on_the_record_only_and_once_erased_is_unreadable_everywhere_while_the_chains_verify()
            throws Exception {
        String nameMarker = "NAME" + UUID.randomUUID().toString().replace("-", "");
        String contactMarker = "CONTACT" + UUID.randomUUID().toString().replace("-", "");
        String name = "举报人" + nameMarker;
        String contact = "tel:" + contactMarker;
        java.util.logging.Logger.getLogger("io.xunshi.inspection").fine("log capture canary " + UUID.randomUUID());

        String inspection = InspectionFixtures.inStatus(Inspection.Status.STATIONED);
        Response received = post(MEMBER_ZJ, "", "{\"inspectionId\":\"" + inspection + "\",\"channel\":\"LETTER\","
                + "\"receivedOn\":\"2026-03-10\",\"summary\":\"反映某局主要负责人违规插手工程项目\",\"concerns\":\"某局局长\","
                + "\"reporter\":{\"name\":\"" + name + "\",\"contact\":\"" + contact + "\"}}");
        received.then().statusCode(201).header("ETag", "\"1\"").body("status", equalTo("RECEIVED"));
        String id = received.jsonPath().getString("petitionId");
        String subject = received.jsonPath().getString("reporterSubject");
        assertThat(subject).startsWith("reporter-");
        assertThat(received.header("Location")).endsWith("/api/v1/petitions/" + id);

        // Only the identity reader opens it, within their subtree: not the office, not the team, not another province.
        post(OFFICE_ZJ, "/" + id + "/identity-openings", "{\"reason\":\"x\"}").then().statusCode(403);
        post(InspectionFixtures.LEADER_ZJ, "/" + id + "/identity-openings", "{\"reason\":\"x\"}").then()
                .statusCode(403);
        post(TestTokens.bearer(Role.IDENTITY_READER, JIANGSU), "/" + id + "/identity-openings", "{\"reason\":\"x\"}")
                .then().statusCode(404);
        post(READER_ZJ, "/" + id + "/identity-openings", "{\"reason\":\" \"}").then().statusCode(422);
        // The one answer that carries the identity, on purpose: not counted among the answers checked below.
        Response opened = given().header("Authorization", READER_ZJ).contentType(ContentType.JSON)
                .body("{\"reason\":\"核实举报人身份以便回访\"}").post("/api/v1/petitions/" + id + "/identity-openings");
        opened.then().statusCode(200).header("Cache-Control", "no-store").body("name", equalTo(name))
                .body("contact", equalTo(contact)).body("subject", equalTo(subject));
        answered(given().header("Authorization", TestTokens.bearer(Role.AUDITOR, ZHEJIANG))
                .get("/api/v1/petitions/" + id + "/identity-openings")).then().statusCode(200).body("", hasSize(1))
                .body("[0].readBy", equalTo("user-identity-reader-330000"))
                .body("[0].reason", equalTo("核实举报人身份以便回访")).body("[0].readAt", notNullValue());
        answered(given().header("Authorization", OFFICE_ZJ).get("/api/v1/petitions/" + id + "/identity-openings"))
                .then().statusCode(403);

        // Erased: the key goes with the event that records it; nothing opens the identity again.
        post(OFFICE_ZJ, "/" + id + "/reporter-erasure", "{\"reason\":\"举报人申请删除个人信息\"}").then().statusCode(200)
                .body("reporterErasedAt", notNullValue()).body("reporterSubject", equalTo(subject));
        post(OFFICE_ZJ, "/" + id + "/reporter-erasure", "{\"reason\":\"again\"}").then().statusCode(409)
                .body("code", equalTo(Petition.REPORTER_ERASED));
        post(READER_ZJ, "/" + id + "/identity-openings", "{\"reason\":\"再次核实\"}").then().statusCode(409)
                .body("code", equalTo(Petition.REPORTER_ERASED));
        answered(given().header("Authorization", MEMBER_ZJ).get("/api/v1/petitions/" + id)).then().statusCode(200)
                .body("reporterErasedAt", notNullValue()).body("identityOpenings", equalTo(1));

        // The topic: every record up to the erasure; the sealed reporter it carries no longer opens.
        List<ConsumerRecord<String, String>> records = KafkaTopicReader.readUntil(
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class), INSPECTION_TOPIC,
                r -> id.equals(r.key()) && "xunshi.inspection.ReporterErased.v1".equals(Places.header(r, "ce_type")),
                WAIT);
        String topic = Places.topic(records);
        JsonNode published = json.readTree(records.stream().filter(r -> id.equals(r.key())
                && "xunshi.inspection.PetitionReceived.v1".equals(Places.header(r, "ce_type"))).findFirst()
                .orElseThrow().value());
        assertThat(published.at("/reporter/name/subject").asText()).isEqualTo(subject);
        JsonNode reopened = vault.unseal(published).await().atMost(WAIT);
        assertThat(reopened.at("/reporter/name/erased").asBoolean()).as("%s", reopened).isTrue();
        assertThat(reopened.at("/reporter/contact/erased").asBoolean()).isTrue();

        // The database: no key for the subject, its erasure recorded; and the read model rebuilt from zero.
        assertThat(pool.preparedQuery("SELECT count(*) AS n FROM subject_keys WHERE subject_id = $1")
                .execute(Tuple.of(subject)).await().atMost(WAIT).iterator().next().getLong("n")).isZero();
        assertThat(pool.preparedQuery("SELECT count(*) AS n FROM subject_erasures WHERE subject_id = $1")
                .execute(Tuple.of(subject)).await().atMost(WAIT).iterator().next().getLong("n")).isOne();
        given().header("Authorization", TestTokens.bearer(Role.OPERATOR, "000000"))
                .post("/api/v1/projections/petitions/rebuild").then().statusCode(200)
                .body("projection", equalTo("petitions"));
        await().atMost(WAIT).until(() -> pool.preparedQuery("SELECT reporter_erased FROM petitions WHERE"
                + " petition_id = $1").execute(Tuple.of(id)).await().atMost(WAIT).iterator().hasNext());
        assertThat(pool.preparedQuery("SELECT reporter_erased, anonymous FROM petitions WHERE petition_id = $1")
                .execute(Tuple.of(id)).await().atMost(WAIT).iterator().next().getBoolean("reporter_erased")).isTrue();
        List<String> tables = Places.tables(pool);
        assertThat(tables).contains("events", "petitions", "idempotency_keys", "subject_keys", "subject_erasures");
        String database = Places.database(pool, tables);
        assertThat(database.lines().filter(l -> l.startsWith("events: ") && l.contains(id)).toList())
                .as("the store keeps the sealed reporter as written").anyMatch(l -> l.contains(subject)
                        && l.contains("A256GCM"));

        // Every hash chain still verifies.
        answered(given().header("Authorization", TestTokens.bearer(Role.AUDITOR, ZHEJIANG))
                .get("/api/v1/audit/verification")).then().statusCode(200).body("intact", equalTo(true));

        await().atMost(WAIT).until(() -> logs.contains("log capture canary"));
        String logged = logs.text();
        SoftAssertions clear = new SoftAssertions();
        for (String marker : List.of(nameMarker, contactMarker)) {
            clear.assertThat(String.join("\n", answers)).as("the answers").doesNotContain(marker);
            clear.assertThat(topic).as("the topic %s", INSPECTION_TOPIC).doesNotContain(marker);
            clear.assertThat(database).as("the tables %s", tables).doesNotContain(marker);
            clear.assertThat(logged).as("the log output").doesNotContain(marker);
        }
        clear.assertAll();
    }
}
