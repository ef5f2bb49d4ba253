package io.xunshi.contracts.coordination;

/** What happens to an inspectable organisation; published on {@code xunshi.coordination.events}, keyed by its id. */
public sealed interface OrganisationEvent permits OrganisationRegistered, OrganisationRenamed {

    String organisationId();
}
