package io.xunshi.testing.decider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The harness passes a true scenario and fails a false one, saying what was expected and what happened. */
class DeciderSpecTest {

    /** A stand-in for the kernel's rejection, with the same accessors. */
    static final class Refused extends RuntimeException {

        enum Kind {
            ILLEGAL_STATE, INVALID, NOT_FOUND
        }

        private final Kind kind;
        private final String code;
        private final String field;

        Refused(Kind kind, String code, String field, String message) {
            super(message);
            this.kind = kind;
            this.code = code;
            this.field = field;
        }

        public Kind kind() {
            return kind;
        }

        public String code() {
            return code;
        }

        public String field() {
            return field;
        }

        public List<String> ids() {
            return kind == Kind.INVALID ? List.of(code + "-id") : List.of();
        }
    }

    record Opened(int limit) {
    }

    record Added(int amount) {
    }

    /** A counter: opened with a limit, then added to up to the limit; commands are amounts, 0 opens it. */
    static List<Object> decide(Integer amount, int[] state) {
        if (state[1] == 0) {
            if (amount == 0) {
                return List.of(new Opened(10));
            }
            throw new Refused(Refused.Kind.ILLEGAL_STATE, "not-open", null, "the counter is not open");
        }
        if (amount < 0) {
            throw new Refused(Refused.Kind.INVALID, "negative", "amount", "amounts are positive");
        }
        if (amount == 99) {
            throw new Refused(Refused.Kind.NOT_FOUND, "no-such-slot", null, "slot 99 does not exist");
        }
        if (amount == 13) {
            throw new IllegalArgumentException("a bug");
        }
        return amount == 0 ? List.of() : List.of(new Added(amount));
    }

    static int[] evolve(int[] state, Object event) {
        if (event instanceof Opened o) {
            return new int[]{ 0, o.limit() };
        }
        return new int[]{ state[0] + ((Added) event).amount(), state[1] };
    }

    private final DeciderSpec<Integer, Object, int[]> counter = DeciderSpec.of(() -> new int[]{ 0, 0 },
            DeciderSpecTest::decide, DeciderSpecTest::evolve);

    @Test
    void a_true_scenario_passes_and_gives_the_events_and_the_state_after_them() {
        var then = counter.given(new Opened(10)).when(3).then(new Added(3));
        assertThat(then.events()).containsExactly(new Added(3));
        assertThat(then.state()).containsExactly(3, 10);
        counter.given(new Opened(10), new Added(2)).when(0).thenNothing().andState(s -> assertThat(s[0]).isEqualTo(2));
        assertThat(counter.given(new Opened(10), new Added(2), new Added(5)).state()).containsExactly(7, 10);
    }

    @Test
    void each_kind_of_rejection_passes_when_it_is_the_one_expected() {
        assertThat(counter.when(1).thenRejected("not-open").message()).isEqualTo("the counter is not open");
        Rejection invalid = counter.given(new Opened(10)).when(-1).thenInvalid("negative", "amount");
        assertThat(invalid.field()).isEqualTo("amount");
        assertThat(invalid.ids()).containsExactly("negative-id");
        assertThat(counter.given(new Opened(10)).when(99).thenNotFound("no-such-slot").kind())
                .isEqualTo(Rejection.NOT_FOUND);
    }

    @Test
    void other_events_fail_showing_the_scenario_and_both_lists() {
        assertThatThrownBy(() -> counter.given(new Opened(10)).when(3).then(new Added(4)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("given\n  Opened[limit=10]\nwhen\n  3")
                .hasMessageContaining("Added[amount=4]").hasMessageContaining("Added[amount=3]");
        assertThatThrownBy(() -> counter.given(new Opened(10)).when(3).thenNothing())
                .isInstanceOf(AssertionError.class).hasMessageContaining("but it decided:\n  Added[amount=3]");
    }

    @Test
    void a_rejection_where_events_were_expected_fails_naming_it() {
        assertThatThrownBy(() -> counter.when(3).then(new Added(3))).isInstanceOf(AssertionError.class)
                .hasMessageContaining("expected events\n  Added[amount=3]")
                .hasMessageContaining("but it was rejected ILLEGAL_STATE 'not-open': the counter is not open");
    }

    @Test
    void events_where_a_rejection_was_expected_fail_listing_them() {
        assertThatThrownBy(() -> counter.given(new Opened(10)).when(3).thenRejected("not-open"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("expected the rejection ILLEGAL_STATE 'not-open'\nbut it decided:\n"
                        + "  Added[amount=3]");
    }

    @Test
    void another_code_kind_or_field_fails() {
        assertThatThrownBy(() -> counter.when(1).thenRejected("closed")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("but it was rejected ILLEGAL_STATE 'not-open'");
        assertThatThrownBy(() -> counter.when(1).thenInvalid("not-open", "amount"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("expected the rejection INVALID 'not-open' on field 'amount'");
        assertThatThrownBy(() -> counter.given(new Opened(10)).when(-1).thenInvalid("negative", "limit"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("but it was rejected INVALID 'negative' on field 'amount' [negative-id]");
        assertThatThrownBy(() -> counter.given(new Opened(10)).when(99).thenRejected("no-such-slot"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("NOT_FOUND 'no-such-slot'");
    }

    @Test
    void an_exception_that_is_no_rejection_fails_every_expectation() {
        assertThatThrownBy(() -> counter.given(new Opened(10)).when(13).thenRejected("x"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("but it threw java.lang.IllegalArgumentException: a bug");
        assertThatThrownBy(() -> counter.given(new Opened(10)).when(13).then(new Added(13)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("but it threw");
    }
}
