package io.xunshi.coordination.domain;

import java.util.List;

import io.xunshi.contracts.coordination.JurisdictionEvent;
import io.xunshi.contracts.coordination.JurisdictionLevel;
import io.xunshi.contracts.coordination.JurisdictionRegistered;
import io.xunshi.contracts.coordination.JurisdictionRenamed;
import io.xunshi.kernel.domain.DomainRejection;
import io.xunshi.kernel.domain.ExhaustiveDecider;
import io.xunshi.kernel.domain.InvalidCommand;

/**
 * One node of the jurisdiction tree: the Centre, a province, a city or a county, identified by its code.
 * It joins the tree once, under its parent, and may take a new name from a newer division table; it is
 * never removed.
 */
public final class Jurisdiction
        extends
            ExhaustiveDecider<Jurisdiction.Command, JurisdictionEvent, Jurisdiction.State> {

    /** Codes of the rejections; a parent that does not fit the level is an invalid command on {@code parentCode}. */
    public static final String ALREADY_REGISTERED = "jurisdiction-already-registered";
    public static final String NOT_REGISTERED = "jurisdiction-not-registered";
    public static final String PARENT_REQUIRED = "jurisdiction-parent-required";

    public sealed interface Command permits Register, Rename {
    }

    public record Register(String code, String name, JurisdictionLevel level, String parentCode, String source)
            implements
                Command {
    }

    public record Rename(String name, String source) implements Command {
    }

    public record State(String code, String name, JurisdictionLevel level, String parentCode) {

        /** Before the jurisdiction is registered. */
        static final State NONE = new State(null, null, null, null);

        public boolean registered() {
            return code != null;
        }

        State withName(String newName) {
            return new State(code, newName, level, parentCode);
        }
    }

    public Jurisdiction() {
        super(rules(Command.class, JurisdictionEvent.class, State.NONE)
                .decide(Register.class, Jurisdiction::register)
                .decide(Rename.class, Jurisdiction::rename)
                .evolve(JurisdictionRegistered.class, (state, r) -> new State(r.code(), r.name(), r.level(),
                        r.parentCode()))
                .evolve(JurisdictionRenamed.class, (state, renamed) -> state.withName(renamed.name())));
    }

    private static List<JurisdictionEvent> register(Register register, State state) {
        if (state.registered()) {
            throw new DomainRejection(ALREADY_REGISTERED, "jurisdiction " + state.code() + " is already registered");
        }
        if ((register.level() == JurisdictionLevel.CENTRAL) != (register.parentCode() == null)) {
            throw new InvalidCommand(PARENT_REQUIRED, "parentCode", "only the Centre has no parent: "
                    + register.code());
        }
        return List.of(new JurisdictionRegistered(register.code(), register.name().strip(), register.level(),
                register.parentCode(), register.source()));
    }

    /** A new name from a newer table; the same name again changes nothing. */
    private static List<JurisdictionEvent> rename(Rename rename, State state) {
        if (!state.registered()) {
            throw new DomainRejection(NOT_REGISTERED, "no such jurisdiction");
        }
        String name = rename.name().strip();
        return name.equals(state.name())
                ? List.of()
                : List.of(new JurisdictionRenamed(state.code(), name, rename.source()));
    }
}
