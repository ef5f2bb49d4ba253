package io.xunshi.coordination.domain;

import java.util.List;

import io.xunshi.contracts.coordination.JurisdictionEvent;
import io.xunshi.contracts.coordination.JurisdictionLevel;
import io.xunshi.contracts.coordination.JurisdictionRegistered;
import io.xunshi.contracts.coordination.JurisdictionRenamed;
import io.xunshi.kernel.domain.Decider;
import io.xunshi.kernel.domain.DomainRejection;

/**
 * One node of the jurisdiction tree: the Centre, a province, a city or a county, identified by its code.
 * It joins the tree once, under its parent, and may take a new name from a newer division table; it is
 * never removed.
 */
public final class Jurisdiction implements Decider<Jurisdiction.Command, JurisdictionEvent, Jurisdiction.State> {

    public sealed interface Command permits Register, Rename {
    }

    public record Register(String code, String name, JurisdictionLevel level, String parentCode, String source)
            implements Command {
    }

    public record Rename(String name, String source) implements Command {
    }

    public record State(String code, String name, JurisdictionLevel level, String parentCode) {

        public boolean registered() {
            return code != null;
        }
    }

    @Override
    public State initialState() {
        return new State(null, null, null, null);
    }

    @Override
    public List<JurisdictionEvent> decide(Command command, State state) {
        if (command instanceof Register register) {
            if (state.registered()) {
                throw new DomainRejection("jurisdiction-already-registered",
                        "jurisdiction " + state.code() + " is already registered");
            }
            if ((register.level() == JurisdictionLevel.CENTRAL) != (register.parentCode() == null)) {
                throw new DomainRejection("jurisdiction-parent-required",
                        "only the Centre has no parent: " + register.code());
            }
            return List.of(new JurisdictionRegistered(register.code(), register.name().strip(), register.level(),
                    register.parentCode(), register.source()));
        }
        Rename rename = (Rename) command;
        if (!state.registered()) {
            throw new DomainRejection("jurisdiction-not-registered", "no such jurisdiction");
        }
        if (rename.name().strip().equals(state.name())) {
            return List.of();
        }
        return List.of(new JurisdictionRenamed(state.code(), rename.name().strip(), rename.source()));
    }

    @Override
    public State evolve(State state, JurisdictionEvent event) {
        if (event instanceof JurisdictionRegistered r) {
            return new State(r.code(), r.name(), r.level(), r.parentCode());
        }
        JurisdictionRenamed renamed = (JurisdictionRenamed) event;
        return new State(state.code(), renamed.name(), state.level(), state.parentCode());
    }
}
