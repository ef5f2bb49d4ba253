package io.xunshi.coordination.domain;

import java.util.List;

import io.xunshi.contracts.coordination.OrganisationEvent;
import io.xunshi.contracts.coordination.OrganisationKind;
import io.xunshi.contracts.coordination.OrganisationRegistered;
import io.xunshi.contracts.coordination.OrganisationRenamed;
import io.xunshi.kernel.domain.DomainRejection;
import io.xunshi.kernel.domain.ExhaustiveDecider;
import io.xunshi.kernel.domain.InvalidCommand;
import io.xunshi.kernel.domain.Jurisdictions;

/**
 * An inspectable organisation, registered under the jurisdiction that manages it (and so in that level's
 * universe), located in that jurisdiction's subtree.
 */
public final class Organisation
        extends
            ExhaustiveDecider<Organisation.Command, OrganisationEvent, Organisation.State> {

    /** Codes of the rejections; a location outside the managing jurisdiction is invalid on {@code location}. */
    public static final String ALREADY_REGISTERED = "organisation-already-registered";
    public static final String NOT_REGISTERED = "organisation-not-registered";
    public static final String LOCATION_OUTSIDE_JURISDICTION = "location-outside-jurisdiction";

    public sealed interface Command permits Register, Rename {
    }

    public record Register(String organisationId, String name, OrganisationKind kind, String jurisdiction,
            String location) implements Command {
    }

    public record Rename(String name) implements Command {
    }

    public record State(String organisationId, String name, OrganisationKind kind, String jurisdiction,
            String location) {

        /** Before the organisation is registered. */
        static final State NONE = new State(null, null, null, null, null);

        public boolean registered() {
            return organisationId != null;
        }

        State withName(String newName) {
            return new State(organisationId, newName, kind, jurisdiction, location);
        }
    }

    public Organisation() {
        super(rules(Command.class, OrganisationEvent.class, State.NONE)
                .decide(Register.class, Organisation::register)
                .decide(Rename.class, Organisation::rename)
                .evolve(OrganisationRegistered.class, (state, r) -> new State(r.organisationId(), r.name(), r.kind(),
                        r.jurisdiction(), r.location()))
                .evolve(OrganisationRenamed.class, (state, renamed) -> state.withName(renamed.name())));
    }

    /** Registers it with its name stripped, located in its managing jurisdiction unless told otherwise. */
    private static List<OrganisationEvent> register(Register register, State state) {
        if (state.registered()) {
            throw new DomainRejection(ALREADY_REGISTERED, "organisation " + state.organisationId()
                    + " is already registered");
        }
        String location = register.location() == null ? register.jurisdiction() : register.location();
        if (!Jurisdictions.contains(register.jurisdiction(), location)) {
            throw new InvalidCommand(LOCATION_OUTSIDE_JURISDICTION, "location", "an organisation located in "
                    + location + " cannot be managed by jurisdiction " + register.jurisdiction());
        }
        return List.of(new OrganisationRegistered(register.organisationId(), register.name().strip(),
                register.kind(), register.jurisdiction(), location));
    }

    /** A new name; the same name again changes nothing. */
    private static List<OrganisationEvent> rename(Rename rename, State state) {
        if (!state.registered()) {
            throw new DomainRejection(NOT_REGISTERED, "no such organisation");
        }
        String name = rename.name().strip();
        return name.equals(state.name()) ? List.of() : List.of(new OrganisationRenamed(state.organisationId(), name));
    }
}
