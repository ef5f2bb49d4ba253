package io.xunshi.kernel.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class ImmutableStatesTest {

    enum Status {
        OPEN, CLOSED
    }

    record Item(String name, LocalDate on, List<String> tags) {
    }

    record State(UUID id, Status status, int count, List<Item> items, Map<String, Integer> totals,
            Optional<Item> last, Object anything) {
    }

    private static State state(List<Item> items, Map<String, Integer> totals, Object anything) {
        return new State(UUID.randomUUID(), Status.OPEN, 1, items, totals, Optional.empty(), anything);
    }

    @Test
    void records_of_values_and_unmodifiable_collections_are_immutable() {
        Item item = new Item("a", LocalDate.of(2026, 3, 2), List.of("x"));
        assertThat(ImmutableStates.isImmutable(state(List.of(item), Map.of("a", 1), null))).isTrue();
        assertThat(ImmutableStates.isImmutable(state(Stream.of(item).toList(), Map.of(), "text"))).isTrue();
        assertThat(ImmutableStates.isImmutable(state(Collections.unmodifiableList(new ArrayList<>(List.of(item))),
                Collections.emptyMap(), 3L))).isTrue();
        assertThat(ImmutableStates.isImmutable(new State(null, null, 0, List.of(), Map.of(), Optional.of(item), null)))
                .isTrue();
    }

    @Test
    void a_mutable_collection_or_unknown_class_anywhere_makes_it_mutable() {
        Item mutableTags = new Item("a", null, new ArrayList<>(List.of("x")));
        assertThat(ImmutableStates.isImmutable(state(new ArrayList<>(), Map.of(), null))).isFalse();
        assertThat(ImmutableStates.isImmutable(state(List.of(mutableTags), Map.of(), null))).isFalse();
        assertThat(ImmutableStates.isImmutable(state(List.of(), new java.util.HashMap<>(), null))).isFalse();
        assertThat(ImmutableStates.isImmutable(state(List.of(), Map.of(), new int[]{ 1 }))).isFalse();
        assertThat(ImmutableStates.isImmutable(state(List.of(), Map.of(), new StringBuilder("x")))).isFalse();
        assertThat(ImmutableStates.isImmutable(new State(null, null, 0, List.of(), Map.of(), Optional.of(mutableTags),
                null))).isFalse();
    }
}
