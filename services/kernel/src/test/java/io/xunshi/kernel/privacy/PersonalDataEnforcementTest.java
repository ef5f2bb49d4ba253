package io.xunshi.kernel.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Tuple;
import io.xunshi.contracts.inspection.FindingRecorded;
import io.xunshi.kernel.eventstore.EventMetadata;
import io.xunshi.kernel.eventstore.EventStore;
import io.xunshi.kernel.eventstore.ExpectedVersion;
import io.xunshi.kernel.eventstore.NewEvent;
import io.xunshi.testing.RealInfrastructureResource;

/**
 * The event store refuses an event whose schema-marked personal property is not sealed: the marks of the published
 * FindingRecorded schema (informant.name, informant.contact) decide, not a list kept here.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class PersonalDataEnforcementTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    EventStore store;

    @Inject
    PersonalDataVault vault;

    @Inject
    ObjectMapper json;

    private ObjectNode finding(String stream) throws Exception {
        return (ObjectNode) json.readTree("""
                {"inspectionId": "%s", "findingId": "f-1", "focusArea": "PARTY_LINE", "description": "问题",
                 "severity": "GENERAL", "involvesTopLeader": false, "involvesLeadershipTeam": false, "common": false,
                 "deepLevel": false, "evidence": []}
                """.formatted(stream));
    }

    private Throwable append(String stream, JsonNode payload) {
        try {
            store.append(stream, "Inspection", "330000", ExpectedVersion.NO_STREAM, List.of(NewEvent.of(
                    FindingRecorded.TYPE, FindingRecorded.VERSION, payload, EventMetadata.none()))).await()
                    .atMost(WAIT);
            return null;
        } catch (Throwable failure) {
            return failure;
        }
    }

    private long stored(String stream) {
        return store.pool().preparedQuery("SELECT count(*) AS n FROM events WHERE stream_id = $1")
                .execute(Tuple.of(stream)).await().atMost(WAIT).iterator().next().getLong("n");
    }

    @Test
    void an_informant_in_clear_is_refused_as_a_defect_and_nothing_is_written() throws Exception {
        String stream = "inspection-" + UUID.randomUUID();
        String subject = "informant-" + UUID.randomUUID();
        ObjectNode payload = finding(stream);
        ObjectNode informant = payload.putObject("informant");
        informant.set("name", vault.seal(subject, "郑十一").await().atMost(WAIT));
        informant.put("contact", "13800000011");

        Throwable refused = append(stream, payload);

        assertThat(refused).isInstanceOf(PersonalDataInClear.class)
                .hasMessageContaining("xunshi.inspection.FindingRecorded v1")
                .hasMessageContaining("personal property informant.contact is not a sealed value")
                .hasMessageNotContaining("13800000011");
        assertThat(stored(stream)).isZero();
    }

    @Test
    void a_sealed_value_with_clear_text_beside_it_is_refused_too() throws Exception {
        String stream = "inspection-" + UUID.randomUUID();
        String subject = "informant-" + UUID.randomUUID();
        ObjectNode payload = finding(stream);
        ObjectNode informant = payload.putObject("informant");
        informant.set("name", vault.seal(subject, "王十二").await().atMost(WAIT));
        ObjectNode contact = (ObjectNode) vault.seal(subject, "13800000012").await().atMost(WAIT);
        contact.put("hint", "13800000012");
        informant.set("contact", contact);

        assertThat(append(stream, payload)).isInstanceOf(PersonalDataInClear.class)
                .hasMessageContaining("informant.contact");
        assertThat(stored(stream)).isZero();
    }

    @Test
    void a_sealed_informant_or_none_is_appended() throws Exception {
        String sealedStream = "inspection-" + UUID.randomUUID();
        String subject = "informant-" + UUID.randomUUID();
        ObjectNode payload = finding(sealedStream);
        ObjectNode informant = payload.putObject("informant");
        List<JsonNode> sealed = vault.seal(subject, List.of("冯十三", "13800000013")).await().atMost(WAIT);
        informant.set("name", sealed.get(0));
        informant.set("contact", sealed.get(1));
        assertThat(append(sealedStream, payload)).isNull();
        assertThat(stored(sealedStream)).isOne();

        String noneStream = "inspection-" + UUID.randomUUID();
        assertThat(append(noneStream, finding(noneStream).putNull("informant"))).isNull();
        String absentStream = "inspection-" + UUID.randomUUID();
        assertThat(append(absentStream, finding(absentStream))).isNull();
    }
}
