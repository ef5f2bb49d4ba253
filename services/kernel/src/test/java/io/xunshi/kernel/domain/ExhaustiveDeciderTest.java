package io.xunshi.kernel.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.xunshi.testing.decider.DeciderSpec;
import io.xunshi.testing.decider.Rejection;

/** Handlers per sealed type, checked exhaustive when the decider is built; and the harness on real rejections. */
class ExhaustiveDeciderTest {

    sealed interface Command permits Open, Change {
    }

    record Open(int limit) implements Command {
    }

    sealed interface Change extends Command permits Add, Remove {
    }

    record Add(int amount) implements Change {
    }

    record Remove(int amount) implements Change {
    }

    sealed interface Event permits Opened, Moved, Noted {
    }

    record Opened(int limit) implements Event {
    }

    /** A sealed sub-interface: one handler may take all its leaves. */
    sealed interface Moved extends Event permits Added, Removed {

        int delta();
    }

    record Added(int amount) implements Moved {

        public int delta() {
            return amount;
        }
    }

    record Removed(int amount) implements Moved {

        public int delta() {
            return -amount;
        }
    }

    record Noted(String note) implements Event {
    }

    record State(int limit, int total) {

        static final State NONE = new State(0, 0);
    }

    static List<Event> open(Open open, State state) {
        if (state.limit() > 0) {
            throw new DomainRejection("already-open", "it is open");
        }
        if (open.limit() <= 0) {
            throw new InvalidCommand("limit-not-positive", "limit", "the limit must be positive");
        }
        return List.of(new Opened(open.limit()), new Noted("opened"));
    }

    static List<Event> add(Add add, State state) {
        if (state.total() + add.amount() > state.limit()) {
            throw DomainRejection.notFound("no-room", "no room for " + add.amount());
        }
        return List.of(new Added(add.amount()));
    }

    static final class Counter extends ExhaustiveDecider<Command, Event, State> {

        Counter() {
            super(rules(Command.class, Event.class, State.NONE)
                    .decide(Open.class, ExhaustiveDeciderTest::open)
                    .decide(Add.class, ExhaustiveDeciderTest::add)
                    .decide(Remove.class, (remove, state) -> List.of(new Removed(remove.amount())))
                    .evolve(Opened.class, (s, e) -> new State(e.limit(), 0))
                    .evolve(Moved.class, (s, e) -> new State(s.limit(), s.total() + e.delta()))
                    .ignore(Noted.class));
        }
    }

    private static final Counter COUNTER = new Counter();
    private final DeciderSpec<Command, Event, State> counter = DeciderSpec.of(COUNTER::initialState,
            COUNTER::decide, COUNTER::evolve);

    @Test
    void each_command_goes_to_its_handler_and_each_event_to_its_evolution() {
        counter.when(new Open(5)).then(new Opened(5), new Noted("opened"))
                .andState(s -> assertThat(s).isEqualTo(new State(5, 0)));
        counter.given(new Opened(5), new Noted("opened")).when(new Add(3)).then(new Added(3))
                .andState(s -> assertThat(s.total()).isEqualTo(3));
        counter.given(new Opened(5), new Added(3)).when(new Remove(2)).then(new Removed(2))
                .andState(s -> assertThat(s.total()).isEqualTo(1));
        assertThat(COUNTER.fold(List.of(new Opened(5), new Added(4), new Noted("x"), new Removed(1))))
                .isEqualTo(new State(5, 3));
    }

    @Test
    void the_harness_reads_every_kind_of_the_kernels_rejections() {
        assertThat(counter.given(new Opened(5)).when(new Open(5)).thenRejected("already-open").kind())
                .isEqualTo(Rejection.ILLEGAL_STATE).isEqualTo(DomainRejection.Kind.ILLEGAL_STATE.name());
        assertThat(counter.when(new Open(0)).thenInvalid("limit-not-positive", "limit").kind())
                .isEqualTo(DomainRejection.Kind.INVALID.name());
        assertThat(counter.given(new Opened(5)).when(new Add(6)).thenNotFound("no-room").kind())
                .isEqualTo(DomainRejection.Kind.NOT_FOUND.name());
    }

    @Test
    void the_events_decided_are_an_immutable_copy() {
        assertThatThrownBy(() -> COUNTER.decide(new Open(1), State.NONE).add(new Noted("more")))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    static final class Forgetful extends ExhaustiveDecider<Command, Event, State> {

        Forgetful() {
            super(rules(Command.class, Event.class, State.NONE)
                    .decide(Open.class, ExhaustiveDeciderTest::open)
                    .decide(Add.class, ExhaustiveDeciderTest::add)
                    .evolve(Opened.class, (s, e) -> s)
                    .evolve(Moved.class, (s, e) -> s));
        }
    }

    @Test
    void a_command_or_event_type_without_a_handler_fails_the_build_of_the_decider() {
        assertThatThrownBy(Forgetful::new).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Forgetful must handle every command and every event exactly once")
                .hasMessageContaining("no decide handler for ExhaustiveDeciderTest.Remove")
                .hasMessageContaining("no evolve handler for ExhaustiveDeciderTest.Noted")
                .hasMessageNotContaining("Added").hasMessageNotContaining("Opened");
    }

    static final class Twice extends ExhaustiveDecider<Command, Event, State> {

        Twice() {
            super(rules(Command.class, Event.class, State.NONE)
                    .decide(Open.class, ExhaustiveDeciderTest::open)
                    .decide(Change.class, (change, state) -> List.of())
                    .decide(Add.class, ExhaustiveDeciderTest::add)
                    .evolve(Event.class, (s, e) -> s)
                    .ignore(Noted.class));
        }
    }

    @Test
    void a_type_handled_twice_fails_the_build_naming_both_declarations() {
        assertThatThrownBy(Twice::new).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ExhaustiveDeciderTest.Add has two decide handlers (declared for"
                        + " ExhaustiveDeciderTest.Change and for ExhaustiveDeciderTest.Add)")
                .hasMessageContaining("ExhaustiveDeciderTest.Noted has two evolve handlers (declared for"
                        + " ExhaustiveDeciderTest.Event and for ExhaustiveDeciderTest.Noted)")
                .hasMessageNotContaining("Remove");
    }

    record Issued(String id) {
    }

    sealed interface Only permits Issue {
    }

    record Issue(String id) implements Only {
    }

    static final class Single extends ExhaustiveDecider<Only, Issued, String> {

        Single() {
            super(rules(Only.class, Issued.class, "")
                    .decide(Issue.class, (c, s) -> List.of(new Issued(c.id())))
                    .evolve(Issued.class, (s, e) -> e.id()));
        }
    }

    @Test
    void an_event_type_that_is_a_plain_record_is_its_own_only_case() {
        Single single = new Single();
        assertThat(single.fold(List.of(single.decide(new Issue("p-1"), "").get(0)))).isEqualTo("p-1");
    }
}
