package io.xunshi.coordination.application;

import io.xunshi.contracts.coordination.OrganisationKind;

/** An organisation as the API shows it; {@code version} is also its ETag. */
public record OrganisationView(String id, String name, OrganisationKind kind, String jurisdiction, String location,
        int version) {
}
