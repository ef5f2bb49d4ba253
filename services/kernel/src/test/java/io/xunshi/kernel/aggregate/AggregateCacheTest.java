package io.xunshi.kernel.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.xunshi.kernel.domain.Decider;
import io.xunshi.kernel.eventstore.EventMetadata;
import io.xunshi.kernel.eventstore.EventStore;
import io.xunshi.kernel.eventstore.ExpectedVersion;
import io.xunshi.testing.RealInfrastructureResource;

/** The repository's in-memory cache of folded states, against a real event store (ADR 0015). */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class AggregateCacheTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    EventStore store;

    @Inject
    ObjectMapper json;

    private AggregateRepository<Ledger.Command, Ledger.Event, Ledger.State> cached() {
        return new AggregateRepository<>(store, json, "Ledger", new Ledger(), Ledger.codec(json), Ledger.State.class,
                0, 100);
    }

    private AggregateRepository<Ledger.Command, Ledger.Event, Ledger.State> uncached() {
        return new AggregateRepository<>(store, json, "Ledger", new Ledger(), Ledger.codec(json), Ledger.State.class,
                0, 0);
    }

    private static <S> AggregateRepository.Loaded<S> handle(AggregateRepository<Ledger.Command, Ledger.Event, S> repo,
            String id, Ledger.Command command) {
        return repo.handle(id, "110000", ExpectedVersion.ANY, command, EventMetadata.none()).await().atMost(WAIT);
    }

    private static String newId() {
        return "ledger-" + UUID.randomUUID();
    }

    @Test
    void the_cache_answers_what_a_full_fold_answers_and_reads_only_the_new_events() {
        var repo = cached();
        String id = newId();
        handle(repo, id, new Ledger.Open());
        for (int i = 1; i <= 20; i++) {
            var after = handle(repo, id, new Ledger.Add(i));
            assertThat(after).isEqualTo(uncached().load(id).await().atMost(WAIT));
        }

        var fromCache = repo.load(id).await().atMost(WAIT);

        assertThat(fromCache).isEqualTo(uncached().load(id).await().atMost(WAIT));
        assertThat(fromCache.state()).isEqualTo(new Ledger.State(true, false, 210, 20));
        assertThat(fromCache.version()).isEqualTo(21);
        StateCache.Stats stats = repo.cacheStats();
        // The first load found nothing cached; every later one started from the state the last command left.
        assertThat(stats.misses()).isEqualTo(1);
        assertThat(stats.hits()).isEqualTo(21);
        assertThat(stats.stale()).isZero();
        assertThat(stats.entries()).isEqualTo(1);
    }

    @Test
    void a_repository_catches_up_with_events_another_instance_appended() {
        var first = cached();
        var second = cached();
        String id = newId();
        handle(first, id, new Ledger.Open());
        handle(first, id, new Ledger.Add(5));
        assertThat(second.load(id).await().atMost(WAIT).state().total()).isEqualTo(5);

        handle(first, id, new Ledger.Add(7));
        handle(first, id, new Ledger.Add(11));
        var seenBySecond = second.load(id).await().atMost(WAIT);
        assertThat(seenBySecond).isEqualTo(new AggregateRepository.Loaded<>(new Ledger.State(true, false, 23, 3), 4));

        // The second decides on the state it caught up with, at the right version: no conflict.
        var afterSecond = handle(second, id, new Ledger.Close());
        assertThat(afterSecond.version()).isEqualTo(5);
        assertThat(afterSecond.state().closed()).isTrue();
        var seenByFirst = first.load(id).await().atMost(WAIT);
        assertThat(seenByFirst).isEqualTo(afterSecond).isEqualTo(uncached().load(id).await().atMost(WAIT));
        assertThat(second.cacheStats().stale()).isZero();
        assertThat(first.cacheStats().stale()).isZero();
    }

    @Test
    void a_failed_append_drops_the_entry_and_the_next_load_is_right() {
        var repo = cached();
        String id = newId();
        handle(repo, id, new Ledger.Open());
        handle(repo, id, new Ledger.Add(3));
        assertThat(repo.cacheStats().entries()).isEqualTo(1);

        // An append to an existing stream that is not its transaction's first write is refused by the store.
        assertThatThrownBy(() -> store.pool().withTransaction(conn -> conn.query("SELECT pg_current_xact_id()")
                .execute().flatMap(assigned -> repo.handle(conn, id, "110000", ExpectedVersion.ANY, new Ledger.Add(4),
                        EventMetadata.none())))
                .await().atMost(WAIT)).isInstanceOf(IllegalStateException.class);

        assertThat(repo.cacheStats().entries()).isZero();
        assertThat(repo.load(id).await().atMost(WAIT))
                .isEqualTo(new AggregateRepository.Loaded<>(new Ledger.State(true, false, 3, 1), 2));
        assertThat(handle(repo, id, new Ledger.Add(4)).state().total()).isEqualTo(7);
        assertThat(repo.load(id).await().atMost(WAIT)).isEqualTo(uncached().load(id).await().atMost(WAIT));
    }

    @Test
    void an_append_whose_transaction_rolls_back_leaves_no_trace_in_what_loads_answer() {
        var repo = cached();
        String id = newId();
        handle(repo, id, new Ledger.Open());
        handle(repo, id, new Ledger.Add(3));

        // The append succeeds, then the caller's transaction fails on a later write and rolls back.
        assertThatThrownBy(() -> store.pool().withTransaction(conn -> repo.handle(conn, id, "110000",
                ExpectedVersion.ANY, new Ledger.Add(100), EventMetadata.none())
                .flatMap(after -> conn.query("SELECT 1 / 0").execute()))
                .await().atMost(WAIT)).hasMessageContaining("division by zero");

        var loaded = repo.load(id).await().atMost(WAIT);
        assertThat(loaded).isEqualTo(new AggregateRepository.Loaded<>(new Ledger.State(true, false, 3, 1), 2));
        assertThat(repo.cacheStats().stale()).isEqualTo(1);

        // Another instance appends at the version the rolled-back entry claimed: the cache tells them apart.
        handle(repo, id, new Ledger.Add(4));
        handle(uncached(), id, new Ledger.Add(5));
        assertThat(repo.load(id).await().atMost(WAIT)).isEqualTo(uncached().load(id).await().atMost(WAIT))
                .extracting(l -> l.state().total()).isEqualTo(12);
    }

    /** A ledger whose state lists its amounts, immutably or (to show the cache refuses it) in an ArrayList. */
    record Amounts(boolean open, List<Integer> amounts) {
    }

    private static final class ListingLedger implements Decider<Ledger.Command, Ledger.Event, Amounts> {

        private final boolean mutable;

        ListingLedger(boolean mutable) {
            this.mutable = mutable;
        }

        @Override
        public Amounts initialState() {
            return new Amounts(false, List.of());
        }

        @Override
        public List<Ledger.Event> decide(Ledger.Command command, Amounts state) {
            return command instanceof Ledger.Add add
                    ? List.of(new Ledger.Added(add.amount()))
                    : List.of(new Ledger.Opened());
        }

        @Override
        public Amounts evolve(Amounts state, Ledger.Event event) {
            if (!(event instanceof Ledger.Added added)) {
                return new Amounts(true, state.amounts());
            }
            List<Integer> amounts = new ArrayList<>(state.amounts());
            amounts.add(added.amount());
            return new Amounts(true, mutable ? amounts : List.copyOf(amounts));
        }
    }

    private AggregateRepository<Ledger.Command, Ledger.Event, Amounts> listing(boolean mutable) {
        return new AggregateRepository<>(store, json, "Ledger", new ListingLedger(mutable), Ledger.codec(json),
                Amounts.class, 0, 100);
    }

    @Test
    void a_cached_state_cannot_be_changed_by_a_caller_and_a_mutable_one_is_not_cached() {
        var immutable = listing(false);
        String id = newId();
        handle(immutable, id, new Ledger.Open());
        handle(immutable, id, new Ledger.Add(1));
        var loaded = immutable.load(id).await().atMost(WAIT);
        assertThat(immutable.cacheStats().hits()).isPositive();
        assertThatThrownBy(() -> loaded.state().amounts().add(99)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(immutable.load(id).await().atMost(WAIT).state().amounts()).containsExactly(1);

        var mutable = listing(true);
        String other = newId();
        handle(mutable, other, new Ledger.Open());
        handle(mutable, other, new Ledger.Add(1));
        assertThat(mutable.cacheStats().entries()).isZero();
        long hits = mutable.cacheStats().hits();
        var mutableLoaded = mutable.load(other).await().atMost(WAIT);
        mutableLoaded.state().amounts().add(99);
        assertThat(mutable.load(other).await().atMost(WAIT).state().amounts()).containsExactly(1);
        assertThat(mutable.cacheStats().hits()).isEqualTo(hits);
        assertThat(mutable.cacheStats().entries()).isZero();
    }

    @Test
    void the_cache_keeps_only_the_most_recently_used_streams() {
        var repo = new AggregateRepository<>(store, json, "Ledger", new Ledger(), Ledger.codec(json),
                Ledger.State.class, 0, 2);
        List<String> ids = List.of(newId(), newId(), newId());
        for (String id : ids) {
            handle(repo, id, new Ledger.Open());
        }
        assertThat(repo.cacheStats().entries()).isEqualTo(2);
        long misses = repo.cacheStats().misses();
        Uni.join().all(ids.stream().map(repo::load).toList()).andFailFast().await().atMost(WAIT);
        // The first stream was evicted by the third.
        assertThat(repo.cacheStats().misses()).isEqualTo(misses + 1);
    }
}
