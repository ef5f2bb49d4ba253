package io.xunshi.planning.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.xunshi.contracts.coordination.OrganisationKind;

class PaceTest {

    private static final Pace.Settings TWO_A_YEAR = new Pace.Settings(2, Map.of(), 5);

    private static List<Pace.Member> universe(OrganisationKind kind, int size, int covered) {
        List<Pace.Member> members = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            members.add(new Pace.Member(kind + "-" + i, "单位" + i, kind, i < covered, i < covered, i < covered
                    ? LocalDate.of(2025, 6, 1)
                    : null));
        }
        return members;
    }

    @Test
    void at_the_pace_so_far_the_rounds_needed_fit_in_the_rounds_left_of_the_term() {
        // 2 rounds covered 4: 2 a round; 6 remain, 3 rounds needed; from 2026-01-01 to the end of 2027 at 2 a year
        // the level runs 4 more: two whole years, whatever their length.
        Pace.Result r = Pace.of(2023, 2027, LocalDate.of(2026, 1, 1), universe(OrganisationKind.DEPARTMENT, 10, 4), 2,
                TWO_A_YEAR);
        assertThat(r.covered()).isEqualTo(4);
        assertThat(r.remaining()).isEqualTo(6);
        assertThat(r.perRound()).isEqualTo(2.0);
        assertThat(r.roundsNeeded()).isEqualTo(3);
        assertThat(r.roundsLeft()).isEqualTo(4);
        assertThat(Pace.roundsLeft(LocalDate.of(2027, 1, 1), 2023, 2027, 2)).as("a whole year, not a leap one")
                .isEqualTo(2);
        assertThat(Pace.roundsLeft(LocalDate.of(2027, 7, 1), 2023, 2027, 2)).as("half a year").isEqualTo(1);
        assertThat(Pace.roundsLeft(LocalDate.of(2021, 3, 1), 2023, 2027, 2)).as("before the term: the whole term")
                .isEqualTo(10);
        assertThat(r.reachable()).isTrue();
        assertThat(r.alerts()).isEmpty();
    }

    @Test
    void too_slow_a_pace_raises_the_out_of_pace_alert() {
        Pace.Result r = Pace.of(2023, 2027, LocalDate.of(2026, 1, 1), universe(OrganisationKind.DEPARTMENT, 10, 1), 1,
                TWO_A_YEAR);
        assertThat(r.roundsNeeded()).isEqualTo(9);
        assertThat(r.reachable()).isFalse();
        // the departments' block, the whole universe here, is out of pace with it
        assertThat(r.alerts()).containsExactly(Pace.OUT_OF_PACE, Pace.BLOCK_OUT_OF_PACE + ":DEPARTMENT");
        Pace.Result over = Pace.of(2023, 2027, LocalDate.of(2028, 1, 2), universe(OrganisationKind.DEPARTMENT, 2, 1),
                1, TWO_A_YEAR);
        assertThat(over.roundsLeft()).as("the term is over").isZero();
        assertThat(over.reachable()).isFalse();
        // a higher level's elevated inspections cover organisations but are not the plan's pace
        List<Pace.Member> helped = List.of(
                new Pace.Member("o-1", "本级巡察", OrganisationKind.DEPARTMENT, true, true, LocalDate.of(2025, 1, 1)),
                new Pace.Member("o-2", "上级提级", OrganisationKind.DEPARTMENT, true, false, LocalDate.of(2025, 1, 1)),
                new Pace.Member("o-3", "未巡", OrganisationKind.DEPARTMENT, false, false, null));
        Pace.Result own = Pace.of(2023, 2027, LocalDate.of(2026, 1, 1), helped, 1, TWO_A_YEAR);
        assertThat(own.covered()).isEqualTo(2);
        assertThat(own.perRound()).isEqualTo(1.0);
        assertThat(own.roundsNeeded()).isEqualTo(1);
    }

    @Test
    void before_the_first_round_there_is_no_pace_to_judge_and_a_covered_universe_is_reached() {
        Pace.Result none = Pace.of(2023, 2027, LocalDate.of(2023, 3, 1), universe(OrganisationKind.DEPARTMENT, 5, 0),
                0, TWO_A_YEAR);
        assertThat(none.perRound()).isNull();
        assertThat(none.roundsNeeded()).isNull();
        assertThat(none.reachable()).isNull();
        assertThat(none.alerts()).isEmpty();
        assertThat(Pace.of(2023, 2027, LocalDate.of(2027, 12, 20), universe(OrganisationKind.DEPARTMENT, 5, 0), 0,
                TWO_A_YEAR).reachable()).as("no pace yet, and the term not over: not judged").isNull();
        Pace.Result all = Pace.of(2023, 2027, LocalDate.of(2026, 3, 1), universe(OrganisationKind.DEPARTMENT, 3, 3),
                2, TWO_A_YEAR);
        assertThat(all.roundsNeeded()).isZero();
        assertThat(all.reachable()).isTrue();
    }

    @Test
    void each_sector_block_is_judged_against_its_own_cycle() {
        List<Pace.Member> members = new ArrayList<>(universe(OrganisationKind.DEPARTMENT, 4, 2));
        members.addAll(universe(OrganisationKind.VILLAGE_COMMUNITY, 4, 2));
        Pace.Settings villagesInTwoYears = new Pace.Settings(2, Map.of(OrganisationKind.VILLAGE_COMMUNITY, 2), 5);
        Pace.Result r = Pace.of(2023, 2027, LocalDate.of(2026, 1, 1), members, 2, villagesInTwoYears);
        assertThat(r.blocks()).extracting(Pace.Block::kind, Pace.Block::dueBy, Pace.Block::reachable)
                .containsExactly(org.assertj.core.api.Assertions.tuple(OrganisationKind.DEPARTMENT, 2027, true),
                        org.assertj.core.api.Assertions.tuple(OrganisationKind.VILLAGE_COMMUNITY, 2024, false));
        assertThat(r.alerts()).containsExactly(Pace.BLOCK_OUT_OF_PACE + ":VILLAGE_COMMUNITY");
        assertThat(r.reachable()).as("the plan as a whole is on pace").isTrue();
    }

    @Test
    void organisations_not_inspected_for_the_alerts_years_are_listed() {
        List<Pace.Member> members = List.of(
                new Pace.Member("o-1", "久未巡视", OrganisationKind.DEPARTMENT, false, false, LocalDate.of(2020, 5, 1)),
                new Pace.Member("o-2", "近期巡视", OrganisationKind.DEPARTMENT, true, true, LocalDate.of(2024, 5, 1)),
                new Pace.Member("o-3", "从未巡视", OrganisationKind.DEPARTMENT, false, false, null));
        Pace.Result young = Pace.of(2023, 2027, LocalDate.of(2026, 6, 1), members, 1, TWO_A_YEAR);
        assertThat(young.overdue()).extracting(Pace.Overdue::organisationId).as("a never inspected one is not"
                + " overdue in a term younger than the alert's years").containsExactly("o-1");
        assertThat(young.alerts()).contains(Pace.NOT_INSPECTED_FOR_YEARS);
        Pace.Result old = Pace.of(2019, 2023, LocalDate.of(2025, 6, 1), members, 1, TWO_A_YEAR);
        assertThat(old.overdue()).extracting(Pace.Overdue::organisationId).containsExactly("o-1", "o-3");
    }
}
