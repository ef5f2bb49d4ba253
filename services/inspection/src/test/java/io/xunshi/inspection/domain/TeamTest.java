package io.xunshi.inspection.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.xunshi.contracts.inspection.CadreRegistered;
import io.xunshi.contracts.inspection.CadreVetted;
import io.xunshi.contracts.inspection.CloseRelation;
import io.xunshi.contracts.inspection.CloseRelationDeclared;
import io.xunshi.contracts.inspection.Post;
import io.xunshi.contracts.inspection.TeamEvent;
import io.xunshi.contracts.inspection.TeamFormed;
import io.xunshi.contracts.inspection.TeamMember;
import io.xunshi.contracts.inspection.TeamPosition;
import io.xunshi.contracts.inspection.TeamStoodDown;
import io.xunshi.contracts.inspection.VettingCheck;
import io.xunshi.testing.decider.DeciderSpec;
import io.xunshi.testing.decider.Rejection;

class TeamTest {

    private static final Team DECIDER = new Team();
    private static final Cadre CADRES = new Cadre();
    private final DeciderSpec<Team.Command, TeamEvent, Team.State> team = DeciderSpec.of(DECIDER::initialState,
            DECIDER::decide, DECIDER::evolve);

    private static final LocalDate DAY = LocalDate.of(2026, 1, 10);
    private static final Team.SizeLimits THREE_TO_FIVE = new Team.SizeLimits(3, 5);

    private static Cadre.State cadre(String id, String unit, boolean vetted) {
        Cadre.State s = CADRES.evolve(CADRES.initialState(), new CadreRegistered(id, "330000", "干部" + id,
                id + "@330000", "正处级", List.of(), new Post(unit, "单位 " + unit, null, "处长", DAY)));
        if (vetted) {
            for (VettingCheck check : VettingCheck.values()) {
                s = CADRES.evolve(s, new CadreVetted(id, check, DAY));
            }
        }
        return s;
    }

    private static Team.Candidate candidate(Cadre.State cadre, TeamPosition position) {
        return new Team.Candidate(cadre.cadreId(), cadre, position);
    }

    private static final Team.Candidate LEADER = candidate(cadre("c-1", "u-1", true), TeamPosition.LEADER);
    private static final Team.Candidate DEPUTY = candidate(cadre("c-2", "u-2", false), TeamPosition.DEPUTY_LEADER);
    private static final Team.Candidate MEMBER = candidate(cadre("c-3", "u-3", false), TeamPosition.MEMBER);

    private static Team.Assignment inspection(String id) {
        return new Team.Assignment(id, "r-1", "330000", "省委第一巡视组", Inspection.Status.PREPARING,
                new Recusal.Target("org-" + id, "杭州市委", null));
    }

    private static Team.Form form(List<Team.Candidate> people, List<Team.Assignment> inspections) {
        return new Team.Form("t-1", "r-1", "330000", " 省委第一巡视组 ", people, inspections, THREE_TO_FIVE, null);
    }

    private static final TeamFormed FORMED = new TeamFormed("t-1", "r-1", "330000", "省委第一巡视组", List.of(
            new TeamMember("c-1", "干部c-1", "c-1@330000", TeamPosition.LEADER),
            new TeamMember("c-2", "干部c-2", "c-2@330000", TeamPosition.DEPUTY_LEADER),
            new TeamMember("c-3", "干部c-3", "c-3@330000", TeamPosition.MEMBER)), List.of("i-1", "i-2"));

    @Test
    void a_team_is_formed_with_its_leader_first_for_its_inspections() {
        team.when(form(List.of(MEMBER, DEPUTY, LEADER), List.of(inspection("i-1"), inspection("i-2")))).then(FORMED)
                .andState(s -> {
                    assertThat(s.status()).isEqualTo(Team.TeamStatus.FORMED);
                    assertThat(s.leader().cadreId()).isEqualTo("c-1");
                });
    }

    @Test
    void a_team_is_formed_once() {
        team.given(FORMED).when(form(List.of(LEADER, DEPUTY, MEMBER), List.of(inspection("i-1"))))
                .thenRejected(Team.ALREADY_FORMED);
    }

    @Test
    void a_team_has_exactly_one_leader() {
        team.when(form(List.of(DEPUTY, MEMBER, candidate(cadre("c-4", "u-4", true), TeamPosition.MEMBER)),
                List.of(inspection("i-1")))).thenInvalid(Team.ONE_LEADER, "members");
        team.when(form(List.of(LEADER, DEPUTY, candidate(cadre("c-4", "u-4", true), TeamPosition.LEADER)),
                List.of(inspection("i-1")))).thenInvalid(Team.ONE_LEADER, "members");
    }

    @Test
    void a_team_stays_within_the_levels_size_limits() {
        team.when(form(List.of(LEADER, DEPUTY), List.of(inspection("i-1"))))
                .thenInvalid(Team.SIZE_OUT_OF_LIMITS, "members");
        List<Team.Candidate> six = new ArrayList<>(List.of(LEADER, DEPUTY, MEMBER));
        for (int i = 4; i <= 6; i++) {
            six.add(candidate(cadre("c-" + i, "u-" + i, false), TeamPosition.MEMBER));
        }
        team.when(form(six, List.of(inspection("i-1")))).thenInvalid(Team.SIZE_OUT_OF_LIMITS, "members");
        assertThat(DECIDER.decide(form(six.subList(0, 5), List.of(inspection("i-1"))), DECIDER.initialState()))
                .as("five, the most").singleElement().isInstanceOf(TeamFormed.class);
    }

    @Test
    void nobody_is_named_twice_and_everyone_is_in_the_pool() {
        team.when(form(List.of(LEADER, DEPUTY, MEMBER, candidate(MEMBER.cadre(), TeamPosition.DEPUTY_LEADER)),
                List.of(inspection("i-1")))).thenInvalid(Team.MEMBER_TWICE, "members");
        team.when(form(List.of(LEADER, DEPUTY, new Team.Candidate("c-9", CADRES.initialState(), TeamPosition.MEMBER)),
                List.of(inspection("i-1")))).thenInvalid(Team.NOT_IN_POOL, "members");
    }

    @Test
    void the_leader_has_passed_all_three_checks() {
        Cadre.State twoOfThree = CADRES.evolve(CADRES.evolve(cadre("c-5", "u-5", false),
                new CadreVetted("c-5", VettingCheck.POLITICAL, DAY)),
                new CadreVetted("c-5", VettingCheck.CONDUCT, DAY));
        Rejection refused = team.when(form(List.of(candidate(twoOfThree, TeamPosition.LEADER), DEPUTY, MEMBER),
                List.of(inspection("i-1")))).thenInvalid(Team.LEADER_NOT_VETTED, "members");
        assertThat(refused.message()).contains("INTEGRITY").doesNotContain("POLITICAL");
    }

    @Test
    void a_leader_already_leading_another_team_is_refused() {
        team.when(new Team.Form("t-1", "r-1", "330000", "省委第一巡视组", List.of(LEADER, DEPUTY, MEMBER),
                List.of(inspection("i-1")), THREE_TO_FIVE, "t-0")).thenRejected(Team.ALREADY_LEADING);
    }

    @Test
    void the_inspections_are_this_rounds_carry_the_teams_name_and_are_still_preparing() {
        team.when(form(List.of(LEADER, DEPUTY, MEMBER), List.of())).thenInvalid(Team.NO_INSPECTIONS, "inspectionIds");
        Team.Assignment otherRound = new Team.Assignment("i-1", "r-2", "330000", "省委第一巡视组",
                Inspection.Status.PREPARING, new Recusal.Target("o", "n", null));
        team.when(form(List.of(LEADER, DEPUTY, MEMBER), List.of(otherRound)))
                .thenInvalid(Team.NOT_THIS_TEAMS, "inspectionIds");
        Team.Assignment otherTeam = new Team.Assignment("i-1", "r-1", "330000", "省委第二巡视组",
                Inspection.Status.PREPARING, new Recusal.Target("o", "n", null));
        team.when(form(List.of(LEADER, DEPUTY, MEMBER), List.of(otherTeam)))
                .thenInvalid(Team.NOT_THIS_TEAMS, "inspectionIds");
        Team.Assignment stationed = new Team.Assignment("i-1", "r-1", "330000", "省委第一巡视组",
                Inspection.Status.STATIONED, new Recusal.Target("o", "n", null));
        team.when(form(List.of(LEADER, DEPUTY, MEMBER), List.of(stationed))).thenRejected(Team.INSPECTION_TAKEN);
    }

    @Test
    void a_recusal_objection_to_anyone_for_any_target_refuses_the_team_naming_the_rule() {
        Cadre.State worksThere = cadre("c-6", "org-i-2", false);
        Rejection refused = team.when(form(List.of(LEADER, DEPUTY, candidate(worksThere, TeamPosition.MEMBER)),
                List.of(inspection("i-1"), inspection("i-2"))))
                .thenInvalid(Recusal.Rule.WORKS_THERE.code(), "members");
        assertThat(refused.message()).contains("干部c-6").contains("recusal-works-there");

        Cadre.State related = CADRES.evolve(DEPUTY.cadre(), new CloseRelationDeclared("c-2", "org-i-1",
                CloseRelation.LINEAL_RELATIVE, DAY));
        team.when(form(List.of(LEADER, candidate(related, TeamPosition.DEPUTY_LEADER), MEMBER),
                List.of(inspection("i-1")))).thenInvalid(Recusal.Rule.CLOSE_RELATION.code(), "members");
    }

    @Test
    void a_formed_team_stands_down_once() {
        team.given(FORMED).when(new Team.StandDown(DAY)).then(new TeamStoodDown("t-1", DAY))
                .andState(s -> assertThat(s.status()).isEqualTo(Team.TeamStatus.STOOD_DOWN));
        team.given(FORMED, new TeamStoodDown("t-1", DAY)).when(new Team.StandDown(DAY))
                .thenRejected(Team.NOT_ACTIVE);
        team.when(new Team.StandDown(DAY)).thenRejected(Team.NOT_FORMED);
    }

    @Test
    void only_members_of_a_formed_team_write_to_its_inspections_and_leaders_only_what_leaders_do() {
        Team.State formed = DECIDER.evolve(DECIDER.initialState(), FORMED);
        assertThat(formed.inTeam("c-3@330000")).isTrue();
        assertThat(formed.inTeam("c-3@330000", TeamPosition.LEADER, TeamPosition.DEPUTY_LEADER)).isFalse();
        assertThat(formed.inTeam("c-2@330000", TeamPosition.LEADER, TeamPosition.DEPUTY_LEADER)).isTrue();
        assertThat(formed.inTeam("someone@330000")).isFalse();
        assertThat(DECIDER.evolve(formed, new TeamStoodDown("t-1", DAY)).inTeam("c-3@330000"))
                .as("a team stood down writes no more").isFalse();
        assertThat(DECIDER.initialState().inTeam("c-3@330000")).as("no team yet").isFalse();
    }

    @Test
    void the_id_of_a_team_is_derived_from_its_round_and_name() {
        assertThat(Team.idFor("r-1", "省委第一巡视组")).isEqualTo(Team.idFor("r-1", " 省委第一巡视组 "))
                .isNotEqualTo(Team.idFor("r-2", "省委第一巡视组"));
    }
}
