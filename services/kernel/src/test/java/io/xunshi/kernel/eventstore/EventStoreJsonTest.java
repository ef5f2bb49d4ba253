package io.xunshi.kernel.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.xunshi.testing.RealInfrastructureResource;

@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class EventStoreJsonTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    EventStore store;

    @Test
    void payload_and_metadata_are_stored_as_json_objects_and_read_back_as_written() {
        String stream = "json-" + UUID.randomUUID();
        ObjectNode payload = JsonNodeFactory.instance.objectNode().put("finding", "late").put("count", 3);
        store.append(stream, "Probe", "110000", ExpectedVersion.NO_STREAM, List.of(NewEvent.of(
                "xunshi.test.ProbeWritten", 1, payload, new EventMetadata("corr-1", null, "inspector-2"))))
                .await().atMost(WAIT);

        Row row = store.pool().preparedQuery("SELECT jsonb_typeof(payload) AS payload_type, payload->>'finding'"
                + " AS finding, metadata->>'correlationId' AS correlation FROM events WHERE stream_id = $1")
                .execute(Tuple.of(stream)).await().atMost(WAIT).iterator().next();
        assertThat(row.getString("payload_type")).isEqualTo("object");
        assertThat(row.getString("finding")).isEqualTo("late");
        assertThat(row.getString("correlation")).isEqualTo("corr-1");
        StoredEvent read = store.readStream(stream).await().atMost(WAIT).get(0);
        assertThat(read.payload()).isEqualTo(payload);
        assertThat(read.metadata()).isEqualTo(new EventMetadata("corr-1", null, "inspector-2"));
        assertThat(store.verifyStream(stream).await().atMost(WAIT).isIntact()).isTrue();
    }
}
