package io.xunshi.kernel.aggregate;

import java.util.List;

import io.xunshi.kernel.domain.Decider;
import io.xunshi.kernel.domain.DomainRejection;

/** A tiny aggregate for the repository's tests: a ledger that is opened, added to, and closed. */
final class Ledger implements Decider<Ledger.Command, Ledger.Event, Ledger.State> {

    sealed interface Command permits Open, Add, Close {
    }

    record Open() implements Command {
    }

    record Add(int amount) implements Command {
    }

    record Close() implements Command {
    }

    sealed interface Event permits Opened, Added, Closed {
    }

    record Opened() implements Event {

        static final String TYPE = "xunshi.test.LedgerOpened";
        static final int VERSION = 1;
    }

    record Added(int amount) implements Event {

        static final String TYPE = "xunshi.test.AmountAdded";
        static final int VERSION = 1;
    }

    record Closed(int total) implements Event {

        static final String TYPE = "xunshi.test.LedgerClosed";
        static final int VERSION = 1;
    }

    record State(boolean open, boolean closed, int total, int entries) {
    }

    static EventCodec<Event> codec(com.fasterxml.jackson.databind.ObjectMapper json) {
        return EventCodec.of(json, Event.class);
    }

    @Override
    public State initialState() {
        return new State(false, false, 0, 0);
    }

    @Override
    public List<Event> decide(Command command, State state) {
        if (command instanceof Open) {
            return state.open() || state.closed() ? List.of() : List.of(new Opened());
        }
        if (!state.open()) {
            throw new DomainRejection("ledger-not-open", "only an open ledger takes amounts or can be closed");
        }
        if (command instanceof Add add) {
            return List.of(new Added(add.amount()));
        }
        return List.of(new Closed(state.total()));
    }

    @Override
    public State evolve(State state, Event event) {
        if (event instanceof Opened) {
            return new State(true, false, 0, 0);
        }
        if (event instanceof Added added) {
            return new State(true, false, state.total() + added.amount(), state.entries() + 1);
        }
        return new State(false, true, state.total(), state.entries());
    }
}
