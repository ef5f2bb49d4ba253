package io.xunshi.contracts.planning;

import java.time.LocalDate;
import java.util.List;

import io.xunshi.contracts.coordination.OrganisationKind;

/**
 * A round of a plan was scheduled: its teams, their targets and the stationing window.
 *
 * @param roundId stable id of the round; also the stream id and the Kafka key
 * @param planId the plan the round belongs to
 * @param jurisdiction the jurisdiction that runs it (the plan's)
 * @param kind the kind of round
 * @param name its name, e.g. 二十届中央第一轮巡视
 * @param stationingStart the first day the teams are stationed
 * @param stationingEnd the last day they are stationed
 * @param assignments one per target organisation
 * @param theme a SPECIAL round's theme or sector of work (专项), null for other kinds
 * @param sector the kind of organisation a SPECIAL round targets, or null when it targets any
 * @param linkedRoundId for a LINKED round of a lower level, the higher level's LINKED round it is coordinated
 *        with; null otherwise
 */
public record RoundScheduled(String roundId, String planId, String jurisdiction, RoundKind kind, String name,
        LocalDate stationingStart, LocalDate stationingEnd, List<Assignment> assignments, String theme,
        OrganisationKind sector, String linkedRoundId) implements PlanningEvent {

    public static final String TYPE = "xunshi.planning.RoundScheduled";
    public static final int VERSION = 1;
}
