package io.xunshi.coordination.domain;

import java.util.List;

import io.xunshi.contracts.coordination.OrganisationEvent;
import io.xunshi.contracts.coordination.OrganisationKind;
import io.xunshi.contracts.coordination.OrganisationRegistered;
import io.xunshi.contracts.coordination.OrganisationRenamed;
import io.xunshi.kernel.domain.Decider;
import io.xunshi.kernel.domain.DomainRejection;
import io.xunshi.kernel.domain.Jurisdictions;

/**
 * An inspectable organisation, registered under the jurisdiction that manages it (and so in that level's
 * universe), located in that jurisdiction's subtree.
 */
public final class Organisation implements Decider<Organisation.Command, OrganisationEvent, Organisation.State> {

    public sealed interface Command permits Register, Rename {
    }

    public record Register(String organisationId, String name, OrganisationKind kind, String jurisdiction,
            String location) implements Command {
    }

    public record Rename(String name) implements Command {
    }

    public record State(String organisationId, String name, OrganisationKind kind, String jurisdiction,
            String location) {

        public boolean registered() {
            return organisationId != null;
        }
    }

    @Override
    public State initialState() {
        return new State(null, null, null, null, null);
    }

    @Override
    public List<OrganisationEvent> decide(Command command, State state) {
        if (command instanceof Register register) {
            if (state.registered()) {
                throw new DomainRejection("organisation-already-registered",
                        "organisation " + state.organisationId() + " is already registered");
            }
            String location = register.location() == null ? register.jurisdiction() : register.location();
            if (!Jurisdictions.contains(register.jurisdiction(), location)) {
                throw new DomainRejection("location-outside-jurisdiction", "an organisation located in " + location
                        + " cannot be managed by jurisdiction " + register.jurisdiction());
            }
            return List.of(new OrganisationRegistered(register.organisationId(), register.name().strip(),
                    register.kind(), register.jurisdiction(), location));
        }
        Rename rename = (Rename) command;
        if (!state.registered()) {
            throw new DomainRejection("organisation-not-registered", "no such organisation");
        }
        if (rename.name().strip().equals(state.name())) {
            return List.of();
        }
        return List.of(new OrganisationRenamed(state.organisationId(), rename.name().strip()));
    }

    @Override
    public State evolve(State state, OrganisationEvent event) {
        if (event instanceof OrganisationRegistered r) {
            return new State(r.organisationId(), r.name(), r.kind(), r.jurisdiction(), r.location());
        }
        OrganisationRenamed renamed = (OrganisationRenamed) event;
        return new State(state.organisationId(), renamed.name(), state.kind(), state.jurisdiction(), state.location());
    }
}
