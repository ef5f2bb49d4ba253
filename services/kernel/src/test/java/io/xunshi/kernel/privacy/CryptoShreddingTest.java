package io.xunshi.kernel.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.xunshi.kernel.eventstore.EventMetadata;
import io.xunshi.kernel.eventstore.EventStore;
import io.xunshi.kernel.eventstore.ExpectedVersion;
import io.xunshi.kernel.eventstore.NewEvent;
import io.xunshi.kernel.eventstore.StoredEvent;
import io.xunshi.testing.RealInfrastructureResource;

@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class CryptoShreddingTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    EventStore store;

    @Inject
    PersonalDataVault vault;

    private String petitionWithReporter(String subject, String name) {
        String stream = "petition-" + UUID.randomUUID();
        JsonNode sealedName = vault.seal(subject, name).await().atMost(WAIT);
        ObjectNode payload = JsonNodeFactory.instance.objectNode().put("channel", "LETTER");
        payload.set("reporterName", sealedName);
        store.append(stream, "Petition", "110000", ExpectedVersion.NO_STREAM,
                List.of(NewEvent.of("xunshi.test.PetitionReceived", 1, payload, EventMetadata.none())))
                .await().atMost(WAIT);
        return stream;
    }

    private String storedText(String stream) {
        Row row = store.pool().preparedQuery("SELECT payload::text AS p, encode(hash, 'hex') AS h FROM events"
                + " WHERE stream_id = $1").execute(Tuple.of(stream)).await().atMost(WAIT).iterator().next();
        return row.getString("p") + "|" + row.getString("h");
    }

    @Test
    void personal_data_is_stored_sealed_and_reads_back_in_clear_with_its_key() {
        String subject = "reporter-" + UUID.randomUUID();
        String stream = petitionWithReporter(subject, "张三");

        assertThat(storedText(stream)).doesNotContain("张三").contains("A256GCM");
        StoredEvent event = store.readStream(stream).await().atMost(WAIT).get(0);
        JsonNode opened = vault.unseal(event.payload()).await().atMost(WAIT);
        assertThat(opened.get("reporterName").asText()).isEqualTo("张三");
        assertThat(opened.get("channel").asText()).isEqualTo("LETTER");
    }

    @Test
    void erasing_the_subject_makes_its_data_unreadable_yet_leaves_the_events_and_their_chain_untouched() {
        String subject = "reporter-" + UUID.randomUUID();
        String other = "reporter-" + UUID.randomUUID();
        String stream = petitionWithReporter(subject, "李四");
        String otherStream = petitionWithReporter(other, "王五");
        String before = storedText(stream);

        vault.erase(subject, "request of the reporter").await().atMost(WAIT);

        assertThat(storedText(stream)).isEqualTo(before);
        assertThat(store.verifyStream(stream).await().atMost(WAIT).isIntact()).isTrue();
        JsonNode opened = vault.unseal(store.readStream(stream).await().atMost(WAIT).get(0).payload())
                .await().atMost(WAIT);
        assertThat(opened.get("reporterName").get("erased").asBoolean()).isTrue();
        assertThat(opened.toString()).doesNotContain("李四");
        JsonNode untouched = vault.unseal(store.readStream(otherStream).await().atMost(WAIT).get(0).payload())
                .await().atMost(WAIT);
        assertThat(untouched.get("reporterName").asText()).isEqualTo("王五");
    }

    @Test
    void an_erased_subject_gets_no_new_key() {
        String subject = "reporter-" + UUID.randomUUID();
        vault.seal(subject, "赵六").await().atMost(WAIT);
        vault.erase(subject, "request of the reporter").await().atMost(WAIT);

        assertThatThrownBy(() -> vault.seal(subject, "赵六").await().atMost(WAIT)).isInstanceOf(SubjectErased.class);
    }

    @Test
    void a_sealed_value_cannot_be_opened_as_another_subjects() {
        String first = "reporter-" + UUID.randomUUID();
        String second = "reporter-" + UUID.randomUUID();
        vault.seal(second, "placeholder").await().atMost(WAIT);
        ObjectNode sealed = (ObjectNode) vault.seal(first, "钱七").await().atMost(WAIT);
        sealed.put("subject", second);

        assertThatThrownBy(() -> vault.unseal(sealed).await().atMost(WAIT)).isInstanceOf(IllegalStateException.class);
    }
}
