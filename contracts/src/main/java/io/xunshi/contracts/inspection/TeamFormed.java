package io.xunshi.contracts.inspection;

import java.util.List;

/**
 * A team was formed for inspections of one round: its leader, deputy leaders and members, each checked against
 * the recusal rules for every organisation the team inspects, the leader vetted and authorised for this round
 * (一次一授权) until the team stands down. From then on only its members, and the inspection office, write to its
 * inspections.
 *
 * @param teamId stable id of the team (derived from the round and the team's name)
 * @param roundId the round
 * @param jurisdiction the inspecting jurisdiction (the round's)
 * @param name the team's name, as the round's assignments give it (e.g. 省委第一巡视组)
 * @param members everyone in the team, the leader first
 * @param inspectionIds the inspections the team carries out
 */
public record TeamFormed(String teamId, String roundId, String jurisdiction, String name, List<TeamMember> members,
        List<String> inspectionIds) implements TeamEvent {

    public static final String TYPE = "xunshi.inspection.TeamFormed";
    public static final int VERSION = 1;
}
