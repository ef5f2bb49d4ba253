package io.xunshi.inspection.api;

import java.time.LocalDate;
import java.util.List;

import io.xunshi.contracts.inspection.TeamMember;
import io.xunshi.inspection.domain.Team;
import io.xunshi.kernel.aggregate.AggregateRepository;

/** A team as the API shows it; {@code version} is also its ETag. */
public record TeamView(String teamId, String roundId, String jurisdiction, String name, List<TeamMember> members,
        List<String> inspectionIds, Team.TeamStatus status, LocalDate stoodDownOn, int version) {

    static TeamView of(AggregateRepository.Loaded<Team.State> loaded) {
        Team.State s = loaded.state();
        return new TeamView(s.teamId(), s.roundId(), s.jurisdiction(), s.name(), s.members(), s.inspectionIds(),
                s.status(), s.stoodDownOn(), loaded.version());
    }
}
