package io.xunshi.kernel.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Tuple;
import io.xunshi.testing.RealInfrastructureResource;

/** Tampering done directly in SQL, behind the store's back, is found by walking the hash chain. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class HashChainTamperTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    EventStore store;

    private String streamOfFour() {
        return streamOfFour("chain-" + UUID.randomUUID());
    }

    private String streamOfFour(String stream) {
        for (int v = 0; v < 4; v++) {
            store.append(stream, "TestAggregate", "110000", v, List.of(NewEvent.of("xunshi.test.Noted", 1,
                    JsonNodeFactory.instance.objectNode().put("n", v + 1).put("amount", 1.50), EventMetadata.none())))
                    .await().atMost(WAIT);
        }
        return stream;
    }

    private void sql(String statement, Object... args) {
        store.pool().preparedQuery(statement).execute(Tuple.tuple(List.of(args))).await().atMost(WAIT);
    }

    @Test
    void an_untouched_stream_verifies() {
        String stream = streamOfFour();
        ChainVerification result = store.verifyStream(stream).await().atMost(WAIT);
        assertThat(result.isIntact()).as(String.valueOf(result)).isTrue();
        assertThat(result.eventsChecked()).isEqualTo(4);
    }

    @Test
    void an_update_of_a_payload_in_sql_is_found_at_that_event() {
        String stream = streamOfFour();
        sql("UPDATE events SET payload = jsonb_set(payload, '{n}', '42') WHERE stream_id = $1 AND version = 3", stream);

        ChainVerification result = store.verifyStream(stream).await().atMost(WAIT);

        assertThat(result.isIntact()).isFalse();
        assertThat(result.brokenStreamId()).isEqualTo(stream);
        assertThat(result.brokenVersion()).isEqualTo(3);
        assertThat(result.problem()).contains("altered");
    }

    @Test
    void an_update_of_the_jurisdiction_in_sql_is_found() {
        String stream = streamOfFour();
        sql("UPDATE events SET jurisdiction = '120000' WHERE stream_id = $1 AND version = 2", stream);

        assertThat(store.verifyStream(stream).await().atMost(WAIT).brokenVersion()).isEqualTo(2);
    }

    @Test
    void a_delete_in_sql_is_found_where_the_event_is_missing() {
        String stream = streamOfFour();
        sql("DELETE FROM events WHERE stream_id = $1 AND version = 2", stream);

        ChainVerification result = store.verifyStream(stream).await().atMost(WAIT);

        assertThat(result.brokenVersion()).isEqualTo(2);
        assertThat(result.problem()).contains("missing");
    }

    @Test
    void swapping_two_events_in_sql_is_found() {
        String stream = streamOfFour();
        sql("UPDATE events SET version = version + 100 WHERE stream_id = $1 AND version IN (2, 3)", stream);
        sql("UPDATE events SET version = CASE version WHEN 102 THEN 3 ELSE 2 END WHERE stream_id = $1"
                + " AND version > 100", stream);

        ChainVerification result = store.verifyStream(stream).await().atMost(WAIT);

        assertThat(result.isIntact()).isFalse();
        assertThat(result.brokenVersion()).isEqualTo(2);
    }

    @Test
    void verifying_the_whole_store_names_the_first_broken_stream() {
        String intact = streamOfFour();
        // Named to sort before every other stream, so that it is the first broken one met.
        String tampered = streamOfFour("aaa-tampered-" + UUID.randomUUID());
        sql("UPDATE events SET occurred_at = occurred_at - interval '1 day' WHERE stream_id = $1 AND version = 4",
                tampered);

        ChainVerification result = store.verifyAll().await().atMost(WAIT);

        assertThat(result.isIntact()).isFalse();
        assertThat(result.brokenStreamId()).isEqualTo(tampered);
        assertThat(result.brokenVersion()).isEqualTo(4);
        assertThat(result.eventsChecked()).isGreaterThanOrEqualTo(4);
        assertThat(store.verifyStream(intact).await().atMost(WAIT).isIntact()).isTrue();
    }
}
