package io.xunshi.planning.application;

import java.time.LocalDate;
import java.util.List;

import io.xunshi.contracts.coordination.OrganisationKind;
import io.xunshi.contracts.planning.Assignment;
import io.xunshi.contracts.planning.RoundKind;
import io.xunshi.planning.domain.Round;

/**
 * A round as the API shows it; {@code version} is also its ETag (1 scheduled, 2 launched). {@code theme} and
 * {@code sector} are a SPECIAL round's, {@code linkedRoundId} a lower LINKED round's (null otherwise); {@code filing} the
 * work plan filed with the level above, null until it is.
 */
public record RoundView(String id, String planId, String jurisdiction, RoundKind kind, String name,
        LocalDate stationingStart, LocalDate stationingEnd, List<Assignment> assignments, Round.Status status,
        LocalDate launchedOn, int version, String theme, OrganisationKind sector, String linkedRoundId,
        Filing filing) {

    /** The round's work plan as filed with the level above (报备); null on the round until it is filed. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "RoundFiling")
    public record Filing(String filedWith, LocalDate filedOn, String workPlan) {
    }
}
