package io.xunshi.contracts.inspection;

/**
 * What happens to one petition (信访) received by an inspection team during its stationing; published on
 * {@code xunshi.inspection.events}, keyed by the petition id.
 */
public sealed interface PetitionEvent permits PetitionReceived, PetitionClassified, PetitionTransferred,
        TransferAnswered, ReporterIdentityRead, ReporterErased {

    String petitionId();
}
