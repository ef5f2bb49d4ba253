package io.xunshi.testing.decider;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.assertj.core.api.Assertions;

/**
 * Given events, when a command, then events or a rejection: one scenario of a decider, with no framework
 * booted. A service's test holds one spec of its decider and states one rule per test:
 *
 * <pre>{@code
 * private static final Inspection DECIDER = new Inspection();
 * private final DeciderSpec<Command, InspectionEvent, State> inspection =
 *         DeciderSpec.of(DECIDER::initialState, DECIDER::decide, DECIDER::evolve);
 *
 * inspection.given(opened, stationed).when(new Report(MAY_10, " 报告 "))
 *         .then(new InspectionReported("i-1", MAY_10, "报告", 0));
 * inspection.given(opened).when(new Report(MAY_10, "x")).thenRejected(Inspection.NOT_STATIONED);
 * inspection.given(opened, stationed).when(new Report(MARCH_1, "x"))
 *         .thenInvalid(Inspection.DATE_OUT_OF_ORDER, "reportedOn");
 * }</pre>
 *
 * Failures name the scenario (the given events and the command) and show the expected and actual outcome.
 *
 * @param <C> the decider's commands
 * @param <E> its events
 * @param <S> its state
 */
public final class DeciderSpec<C, E, S> {

    /** The decide function of a decider, as a method reference: {@code decider::decide}. */
    @FunctionalInterface
    public interface Decide<C, E, S> {

        List<E> decide(C command, S state);
    }

    private final Supplier<S> initialState;
    private final Decide<C, E, S> decide;
    private final BiFunction<S, E, S> evolve;

    private DeciderSpec(Supplier<S> initialState, Decide<C, E, S> decide, BiFunction<S, E, S> evolve) {
        this.initialState = Objects.requireNonNull(initialState);
        this.decide = Objects.requireNonNull(decide);
        this.evolve = Objects.requireNonNull(evolve);
    }

    /**
     * The spec of a decider, from its three functions: {@code DeciderSpec.of(d::initialState, d::decide,
     * d::evolve)} (test support cannot name the kernel's {@code Decider} type; see {@link Rejection}).
     */
    public static <C, E, S> DeciderSpec<C, E, S> of(Supplier<S> initialState, Decide<C, E, S> decide,
            BiFunction<S, E, S> evolve) {
        return new DeciderSpec<>(initialState, decide, evolve);
    }

    /** A history of events, oldest first. */
    @SafeVarargs
    public final Given given(E... history) {
        return new Given(List.of(history));
    }

    /** A history of events, oldest first. */
    public Given given(List<? extends E> history) {
        return new Given(List.copyOf(history));
    }

    /** A command on an aggregate with no history. */
    public When when(C command) {
        return given(List.of()).when(command);
    }

    /** The events that happened before the command. */
    public final class Given {

        private final List<E> history;

        private Given(List<E> history) {
            this.history = history;
        }

        /** The state the history folds to. */
        public S state() {
            return fold(history);
        }

        public When when(C command) {
            return new When(history, Objects.requireNonNull(command, "command"));
        }
    }

    /** The command decided on the history; one of the {@code then} methods states the outcome. */
    public final class When {

        private final List<E> history;
        private final C command;

        private When(List<E> history, C command) {
            this.history = history;
            this.command = command;
        }

        /** The command decides exactly these events, in this order. */
        @SafeVarargs
        public final Then then(E... expected) {
            List<E> decided = decided("events\n" + describe(Arrays.asList(expected)));
            Assertions.assertThat(decided).as(scenario()).containsExactly(expected);
            return new Then(decided);
        }

        /** The command decides no event (it changes nothing, and is not refused). */
        public Then thenNothing() {
            List<E> decided = decided("no event");
            Assertions.assertThat(decided).as(scenario() + "\nexpected no event, but it decided:\n" + describe(decided))
                    .isEmpty();
            return new Then(decided);
        }

        /** The aggregate's state does not allow the command: an illegal state (409) with this code. */
        public Rejection thenRejected(String code) {
            return rejected(Rejection.ILLEGAL_STATE, code, null);
        }

        /** The command's own content breaks a rule: an invalid command (422) with this code and field. */
        public Rejection thenInvalid(String code, String field) {
            return rejected(Rejection.INVALID, code, Objects.requireNonNull(field, "field"));
        }

        /** The command breaks a rule about no single field of it: an invalid command (422) with this code. */
        public Rejection thenInvalid(String code) {
            return rejected(Rejection.INVALID, code, null);
        }

        /** The command names a part the aggregate does not have: not found (404) with this code. */
        public Rejection thenNotFound(String code) {
            return rejected(Rejection.NOT_FOUND, code, null);
        }

        private Rejection rejected(String kind, String code, String field) {
            String wanted = kind + " '" + code + "'" + (field == null ? "" : " on field '" + field + "'");
            S state = fold(history);
            List<E> decided;
            try {
                decided = decide.decide(command, state);
            } catch (RuntimeException failure) {
                Rejection rejection = Rejection.of(failure);
                if (rejection == null) {
                    throw new AssertionError(scenario() + "\nexpected the rejection " + wanted
                            + "\nbut it threw " + failure, failure);
                }
                boolean same = rejection.kind().equals(kind) && rejection.code().equals(code)
                        && Objects.equals(rejection.field(), field);
                if (!same) {
                    throw new AssertionError(scenario() + "\nexpected the rejection " + wanted
                            + "\nbut it was rejected " + rejection, failure);
                }
                return rejection;
            }
            throw new AssertionError(scenario() + "\nexpected the rejection " + wanted + "\nbut it decided:\n"
                    + describe(decided));
        }

        private List<E> decided(String expected) {
            S state = fold(history);
            try {
                return decide.decide(command, state);
            } catch (RuntimeException failure) {
                Rejection rejection = Rejection.of(failure);
                throw new AssertionError(scenario() + "\nexpected " + expected + "\nbut it "
                        + (rejection == null ? "threw " + failure : "was rejected " + rejection), failure);
            }
        }

        private String scenario() {
            return "given\n" + (history.isEmpty() ? "  (no events)" : describe(history)) + "\nwhen\n  " + command;
        }

        /** The outcome of an accepted command, to assert on the state it leads to. */
        public final class Then {

            private final List<E> decided;

            private Then(List<E> decided) {
                this.decided = decided;
            }

            /** The events the command decided. */
            public List<E> events() {
                return decided;
            }

            /** The state after the history and the decided events, folded with the decider's evolve. */
            public S state() {
                List<E> all = new ArrayList<>(history);
                all.addAll(decided);
                return fold(all);
            }

            /** Asserts on the state after the decided events. */
            public Then andState(Consumer<S> check) {
                check.accept(state());
                return this;
            }
        }
    }

    private S fold(List<E> events) {
        S state = initialState.get();
        for (E event : events) {
            state = evolve.apply(state, event);
        }
        return state;
    }

    private static String describe(List<?> events) {
        if (events.isEmpty()) {
            return "  (no events)";
        }
        StringBuilder text = new StringBuilder();
        for (Object event : events) {
            text.append(text.length() == 0 ? "  " : "\n  ").append(event);
        }
        return text.toString();
    }
}
