package io.xunshi.kernel.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A {@link Decider} declared as one handler per command type and one per event type, checked when it is built
 * to handle every permitted type of the sealed command and event hierarchies exactly once. Java 17 has no
 * pattern-matching {@code switch}, so this is how a decider stays exhaustive without an {@code instanceof}
 * chain that ends in a blind cast: an event type added to the contracts and forgotten here makes the
 * decider's constructor throw, and with it the first test that builds the decider.
 *
 * <pre>{@code
 * public final class Ledger extends ExhaustiveDecider<Ledger.Command, Ledger.Event, Ledger.State> {
 *     public Ledger() {
 *         super(rules(Command.class, Event.class, State.EMPTY)
 *                 .decide(Open.class, Ledger::open)
 *                 .decide(Add.class, Ledger::add)
 *                 .evolve(Opened.class, (state, opened) -> state.withOpen(true))
 *                 .evolve(Added.class, (state, added) -> state.withTotal(state.total() + added.amount())));
 *     }
 * }
 * }</pre>
 *
 * <p>A handler may be declared for a sealed sub-interface of the hierarchy, and then handles every type
 * beneath it. An event that never changes the state is declared so with {@link Rules#ignore}, never left out.
 * See docs/adr/0014-deciders.md.
 *
 * @param <C> the sealed interface of its commands
 * @param <E> the sealed interface of its events (or a single event record)
 * @param <S> its state
 */
public abstract class ExhaustiveDecider<C, E, S> implements Decider<C, E, S> {

    /** How one command type is decided: the events it produces in a state, or a {@link DomainRejection}. */
    @FunctionalInterface
    public interface Decision<X, E, S> {

        List<? extends E> decide(X command, S state);
    }

    /** How one event type changes the state. */
    @FunctionalInterface
    public interface Evolution<X, S> {

        S evolve(S state, X event);
    }

    private final S initialState;
    private final Dispatch<C, Decision<Object, E, S>> decisions;
    private final Dispatch<E, Evolution<Object, S>> evolutions;

    /**
     * Builds the decider from its rules.
     *
     * @throws IllegalStateException naming every command or event type that has no handler, or more than one
     */
    protected ExhaustiveDecider(Rules<C, E, S> rules) {
        List<String> problems = new ArrayList<>();
        this.initialState = rules.initialState;
        this.decisions = new Dispatch<>(rules.commands, rules.decisions, "decide", problems);
        this.evolutions = new Dispatch<>(rules.events, rules.evolutions, "evolve", problems);
        if (!problems.isEmpty()) {
            throw new IllegalStateException(getClass().getSimpleName()
                    + " must handle every command and every event exactly once:\n  - "
                    + String.join("\n  - ", problems));
        }
    }

    /** Starts the rules of a decider over these hierarchies, from this state. */
    public static <C, E, S> Rules<C, E, S> rules(Class<C> commands, Class<E> events, S initialState) {
        return new Rules<>(commands, events, initialState);
    }

    @Override
    public final S initialState() {
        return initialState;
    }

    @Override
    public final List<E> decide(C command, S state) {
        Objects.requireNonNull(command, "command");
        return List.copyOf(decisions.handlerOf(command).decide(command, state));
    }

    @Override
    public final S evolve(S state, E event) {
        Objects.requireNonNull(event, "event");
        return evolutions.handlerOf(event).evolve(state, event);
    }

    /** The handlers of a decider, declared one type at a time; checked by the decider's constructor. */
    public static final class Rules<C, E, S> {

        private final Class<C> commands;
        private final Class<E> events;
        private final S initialState;
        private final List<Dispatch.Declared<Decision<Object, E, S>>> decisions = new ArrayList<>();
        private final List<Dispatch.Declared<Evolution<Object, S>>> evolutions = new ArrayList<>();

        private Rules(Class<C> commands, Class<E> events, S initialState) {
            this.commands = Objects.requireNonNull(commands, "commands");
            this.events = Objects.requireNonNull(events, "events");
            this.initialState = initialState;
        }

        /** How commands of {@code type} (a record, or a sealed sub-interface: all beneath it) are decided. */
        public <X extends C> Rules<C, E, S> decide(Class<X> type, Decision<? super X, ? extends E, S> decision) {
            Objects.requireNonNull(decision, "decision");
            decisions
                    .add(new Dispatch.Declared<>(type, (command, state) -> decision.decide(type.cast(command), state)));
            return this;
        }

        /** How events of {@code type} (a record, or a sealed sub-interface: all beneath it) change the state. */
        public <X extends E> Rules<C, E, S> evolve(Class<X> type, Evolution<? super X, S> evolution) {
            Objects.requireNonNull(evolution, "evolution");
            evolutions.add(new Dispatch.Declared<>(type, (state, event) -> evolution.evolve(state, type.cast(event))));
            return this;
        }

        /** Events of {@code type} leave the state as it is, on purpose. */
        public Rules<C, E, S> ignore(Class<? extends E> type) {
            evolutions.add(new Dispatch.Declared<>(type, (state, event) -> state));
            return this;
        }
    }
}
