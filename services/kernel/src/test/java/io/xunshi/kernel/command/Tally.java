package io.xunshi.kernel.command;

import java.util.List;

import io.xunshi.kernel.domain.Decider;
import io.xunshi.kernel.domain.DomainRejection;
import io.xunshi.kernel.domain.InvalidCommand;

/** A tiny aggregate for the command path's tests: a tally opened in a jurisdiction, counted up, closed. */
final class Tally implements Decider<Tally.Command, Tally.Event, Tally.State> {

    sealed interface Command permits Open, Count, Close {
    }

    record Open(String jurisdiction, String keeper) implements Command {
    }

    record Count(int by) implements Command {
    }

    record Close() implements Command {
    }

    sealed interface Event permits Opened, Counted, Closed {
    }

    record Opened(String jurisdiction, String keeper) implements Event {

        static final String TYPE = "xunshi.test.TallyOpened";
        static final int VERSION = 1;
    }

    record Counted(int by) implements Event {

        static final String TYPE = "xunshi.test.TallyCounted";
        static final int VERSION = 1;
    }

    record Closed() implements Event {

        static final String TYPE = "xunshi.test.TallyClosed";
        static final int VERSION = 1;
    }

    record State(String jurisdiction, String keeper, int total, boolean closed) {
    }

    @Override
    public State initialState() {
        return new State(null, null, 0, false);
    }

    @Override
    public List<Event> decide(Command command, State state) {
        if (command instanceof Open open) {
            return List.of(new Opened(open.jurisdiction(), open.keeper()));
        }
        if (state.closed()) {
            throw new DomainRejection("tally-closed", "a closed tally counts no more");
        }
        if (command instanceof Count count) {
            if (count.by() <= 0) {
                throw new InvalidCommand("count-not-positive", "by", "by must be positive");
            }
            return List.of(new Counted(count.by()));
        }
        return List.of(new Closed());
    }

    @Override
    public State evolve(State state, Event event) {
        if (event instanceof Opened opened) {
            return new State(opened.jurisdiction(), opened.keeper(), 0, false);
        }
        if (event instanceof Counted counted) {
            return new State(state.jurisdiction(), state.keeper(), state.total() + counted.by(), false);
        }
        return new State(state.jurisdiction(), state.keeper(), state.total(), true);
    }
}
