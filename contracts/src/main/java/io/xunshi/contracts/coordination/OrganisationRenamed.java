package io.xunshi.contracts.coordination;

/**
 * An organisation took a new name.
 *
 * @param organisationId stable id of the organisation
 * @param name its new full name
 */
public record OrganisationRenamed(String organisationId, String name) implements OrganisationEvent {

    public static final String TYPE = "xunshi.coordination.OrganisationRenamed";
    public static final int VERSION = 1;
}
