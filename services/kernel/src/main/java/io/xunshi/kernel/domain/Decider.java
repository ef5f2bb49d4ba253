package io.xunshi.kernel.domain;

import java.util.List;

/**
 * An event-sourced aggregate as three pure functions: the state before anything happened, the events a
 * command produces in a given state (or a {@link DomainRejection} when the command is not allowed), and
 * the state after an event. Rebuilding an aggregate is folding its events with {@link #evolve}.
 *
 * @param <C> the commands it decides on
 * @param <E> the events it produces
 * @param <S> its state
 */
public interface Decider<C, E, S> {

    S initialState();

    List<E> decide(C command, S state);

    S evolve(S state, E event);

    default S fold(Iterable<? extends E> events) {
        S state = initialState();
        for (E event : events) {
            state = evolve(state, event);
        }
        return state;
    }
}
