package io.xunshi.kernel.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Tuple;
import io.xunshi.kernel.domain.DomainRejection;
import io.xunshi.kernel.eventstore.ConcurrencyConflict;
import io.xunshi.kernel.eventstore.EventMetadata;
import io.xunshi.kernel.eventstore.EventStore;
import io.xunshi.kernel.eventstore.ExpectedVersion;
import io.xunshi.testing.RealInfrastructureResource;

@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class AggregateRepositoryTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    EventStore store;

    @Inject
    ObjectMapper json;

    private AggregateRepository<Ledger.Command, Ledger.Event, Ledger.State> repository(int snapshotEvery) {
        return new AggregateRepository<>(store, json, "Ledger", new Ledger(), Ledger.codec(json), Ledger.State.class,
                snapshotEvery);
    }

    private void handle(AggregateRepository<Ledger.Command, Ledger.Event, Ledger.State> repo, String id,
            Ledger.Command command) {
        repo.handle(id, "110000", ExpectedVersion.ANY, command, EventMetadata.none()).await().atMost(WAIT);
    }

    @Test
    void an_aggregate_loads_by_folding_its_events_and_from_a_snapshot_to_the_same_state() {
        var withSnapshots = repository(4);
        String id = "ledger-" + UUID.randomUUID();
        handle(withSnapshots, id, new Ledger.Open());
        for (int i = 1; i <= 10; i++) {
            handle(withSnapshots, id, new Ledger.Add(i));
        }

        var fromSnapshot = withSnapshots.load(id).await().atMost(WAIT);
        var folded = repository(0).load(id).await().atMost(WAIT);

        assertThat(fromSnapshot).isEqualTo(folded);
        assertThat(folded.version()).isEqualTo(11);
        assertThat(folded.state()).isEqualTo(new Ledger.State(true, false, 55, 10));
        Integer snapshotVersion = store.pool().preparedQuery("SELECT version FROM snapshots WHERE stream_id = $1")
                .execute(Tuple.of(id)).await().atMost(WAIT).iterator().next().getInteger("version");
        assertThat(snapshotVersion).isEqualTo(8);
    }

    @Test
    void more_concurrent_commands_than_the_pool_has_connections_all_complete() {
        var repo = repository(0);
        // Each command holds its transaction's connection; were its load to wait for another from the pool (16),
        // 40 at once would wait for ever.
        var commands = java.util.stream.IntStream.range(0, 40).mapToObj(i -> "ledger-" + UUID.randomUUID())
                .map(id -> repo.handle(id, "110000", ExpectedVersion.ANY, new Ledger.Open(), EventMetadata.none()))
                .toList();
        var results = io.smallrye.mutiny.Uni.join().all(commands).andFailFast().await().atMost(WAIT);
        assertThat(results).hasSize(40).allSatisfy(loaded -> assertThat(loaded.version()).isEqualTo(1));
    }

    @Test
    void a_command_against_a_stale_version_is_a_conflict_and_a_rejected_one_writes_nothing() {
        var repo = repository(0);
        String id = "ledger-" + UUID.randomUUID();
        handle(repo, id, new Ledger.Open());
        handle(repo, id, new Ledger.Close());

        assertThatThrownBy(() -> repo.handle(id, "110000", 1, new Ledger.Add(1), EventMetadata.none())
                .await().atMost(WAIT)).isInstanceOf(ConcurrencyConflict.class);
        assertThatThrownBy(() -> handle(repo, id, new Ledger.Add(1))).isInstanceOf(DomainRejection.class);
        assertThat(store.readStream(id).await().atMost(WAIT)).hasSize(2);
    }
}
