package io.xunshi.contracts.inspection;

/** What happens to one inspection team (巡视组) of a round; published on {@code xunshi.inspection.events}, keyed by the team id. */
public sealed interface TeamEvent permits TeamFormed, TeamStoodDown {

    String teamId();
}
