package io.xunshi.contracts.coordination;

/** What happens to a jurisdiction; published on {@code xunshi.coordination.events}, keyed by its code. */
public sealed interface JurisdictionEvent permits JurisdictionRegistered, JurisdictionRenamed {

    String code();
}
