package io.xunshi.contracts.planning;

import java.time.LocalDate;
import java.util.List;

import io.xunshi.contracts.coordination.OrganisationKind;

/**
 * A scheduled round was launched: the inspection service opens one inspection per assignment. It repeats
 * everything an inspection needs, so that no consumer has to have seen {@link RoundScheduled}.
 *
 * @param roundId the round
 * @param planId the plan it belongs to
 * @param jurisdiction the jurisdiction that runs it
 * @param kind the kind of round
 * @param name its name
 * @param stationingStart the first day the teams are stationed
 * @param stationingEnd the last day they are stationed
 * @param assignments one per target organisation
 * @param launchedOn the day it was launched
 * @param theme a SPECIAL round's theme or sector of work (专项), null for other kinds
 * @param sector the kind of organisation a SPECIAL round targets, or null when it targets any
 * @param linkedRoundId for a LINKED round of a lower level, the higher level's LINKED round it is coordinated
 *        with; null otherwise
 */
public record RoundLaunched(String roundId, String planId, String jurisdiction, RoundKind kind, String name,
        LocalDate stationingStart, LocalDate stationingEnd, List<Assignment> assignments, LocalDate launchedOn,
        String theme, OrganisationKind sector, String linkedRoundId)
        implements
            PlanningEvent {

    public static final String TYPE = "xunshi.planning.RoundLaunched";
    public static final int VERSION = 1;
}
