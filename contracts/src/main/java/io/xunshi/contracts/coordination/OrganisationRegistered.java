package io.xunshi.contracts.coordination;

/**
 * An organisation was registered as inspectable under the jurisdiction that manages it: it joins that
 * level's universe, the organisations its inspection must cover in one term.
 *
 * @param organisationId stable id of the organisation
 * @param name its full name
 * @param kind what kind of organisation it is
 * @param jurisdiction the managing jurisdiction (GB/T 2260 code, or 000000 for the Centre)
 * @param location the jurisdiction where it is located (for a locality: the locality itself)
 */
public record OrganisationRegistered(String organisationId, String name, OrganisationKind kind, String jurisdiction,
        String location) implements OrganisationEvent {

    public static final String TYPE = "xunshi.coordination.OrganisationRegistered";
    public static final int VERSION = 1;
}
