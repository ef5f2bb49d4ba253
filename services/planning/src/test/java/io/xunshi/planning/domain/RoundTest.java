package io.xunshi.planning.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.xunshi.contracts.coordination.OrganisationKind;
import io.xunshi.contracts.planning.Assignment;
import io.xunshi.contracts.planning.PlanningEvent;
import io.xunshi.contracts.planning.RoundFiled;
import io.xunshi.contracts.planning.RoundKind;
import io.xunshi.contracts.planning.RoundLaunched;
import io.xunshi.contracts.planning.RoundScheduled;
import io.xunshi.contracts.planning.WorkPlanIssued;
import io.xunshi.planning.domain.Round.Pairing;
import io.xunshi.planning.domain.Round.Schedule;
import io.xunshi.planning.domain.Round.Status;
import io.xunshi.planning.domain.Round.Target;
import io.xunshi.testing.decider.DeciderSpec;

class RoundTest {

    private static final Round DECIDER = new Round();
    private final DeciderSpec<Round.Command, PlanningEvent, Round.State> round = DeciderSpec.of(DECIDER::initialState,
            DECIDER::decide, DECIDER::evolve);

    private static final LocalDate START = LocalDate.of(2026, 3, 2);
    private static final LocalDate END = LocalDate.of(2026, 5, 8);
    private static final LocalDate LAUNCH_DAY = LocalDate.of(2026, 2, 20);

    /** Zhejiang's plan for 2024–2028; its universe is o-1 and o-2, o-3 is managed by Hangzhou. */
    private static final Round.Plan PLAN = new Round.Plan("p-zj", "330000", 2024, 2028, Set.of("o-1", "o-2"));
    private static final Map<String, Target> TARGETS = Map.of(
            "o-1", new Target("o-1", "浙江省交通运输厅", "330000", "330100", OrganisationKind.DEPARTMENT),
            "o-2", new Target("o-2", "浙江省水利厅", "330000", "330100", OrganisationKind.DEPARTMENT),
            "o-3", new Target("o-3", "杭州市某局", "330100", "330106", OrganisationKind.DEPARTMENT),
            "o-4", new Target("o-4", "江苏省某厅", "320000", "320100", OrganisationKind.DEPARTMENT),
            "o-5", new Target("o-5", "浙江省能源集团", "330000", "330100", OrganisationKind.STATE_OWNED_ENTERPRISE),
            "o-6", new Target("o-6", "杭州市某国企", "330100", "330106", OrganisationKind.STATE_OWNED_ENTERPRISE));

    /** A mobile round is stationed at most 30 days in these tests; Hangzhou's plan holds o-3. */
    private static final Round.KindFacts FACTS = new Round.KindFacts(30, null, Set.of("o-1"),
            Map.of("o-3", "p-hz"));

    private static Schedule schedule(RoundKind kind, LocalDate start, LocalDate end, List<Pairing> pairings) {
        return new Schedule("r-1", PLAN, kind, " 第一轮 ", start, end, pairings, TARGETS, null, null, null, FACTS);
    }

    private static Schedule special(String theme, OrganisationKind sector, Pairing... pairings) {
        return new Schedule("r-1", PLAN, RoundKind.SPECIAL, "专项", START, END, List.of(pairings), TARGETS, theme,
                sector, null, FACTS);
    }

    private static Schedule linked(RoundKind kind, String linkedRoundId, Round.LinkedRound found) {
        return new Schedule("r-1", PLAN, kind, "联动", START, END, List.of(new Pairing("联动组", "o-3")), TARGETS, null,
                null, linkedRoundId, new Round.KindFacts(30, found, Set.of(), Map.of()));
    }

    private static Schedule regular(Pairing... pairings) {
        return schedule(RoundKind.REGULAR, START, END, List.of(pairings));
    }

    private static final Assignment A1 = new Assignment("第一组", "o-1", "浙江省交通运输厅", "330000", "330100", null);
    private static final Assignment A2 = new Assignment("第二组", "o-2", "浙江省水利厅", "330000", "330100", null);
    private static final RoundScheduled SCHEDULED = new RoundScheduled("r-1", "p-zj", "330000", RoundKind.REGULAR,
            "第一轮", START, END, List.of(A1, A2), null, null, null);
    private static final RoundLaunched LAUNCHED = new RoundLaunched("r-1", "p-zj", "330000", RoundKind.REGULAR,
            "第一轮", START, END, List.of(A1, A2), LAUNCH_DAY, null, null, null);

    @Test
    void a_round_is_scheduled_with_the_targets_as_the_organisations_view_knows_them_and_names_stripped() {
        round.when(regular(new Pairing(" 第一组 ", "o-1"), new Pairing("第二组", "o-2"))).then(SCHEDULED)
                .andState(s -> {
                    assertThat(s.status()).isEqualTo(Status.SCHEDULED);
                    assertThat(s.assignments()).containsExactly(A1, A2);
                    assertThat(s.name()).isEqualTo("第一轮");
                    assertThat(s.launchedOn()).isNull();
                });
    }

    @Test
    void a_round_is_scheduled_once() {
        round.given(SCHEDULED).when(regular(new Pairing("第一组", "o-1"))).thenRejected(Round.ALREADY_SCHEDULED);
        round.given(SCHEDULED, LAUNCHED).when(regular(new Pairing("第一组", "o-1")))
                .thenRejected(Round.ALREADY_SCHEDULED);
    }

    @Test
    void a_stationing_window_that_ends_before_it_starts_is_invalid_on_its_end() {
        round.when(schedule(RoundKind.REGULAR, END, START, List.of(new Pairing("第一组", "o-1"))))
                .thenInvalid(Round.WINDOW_REVERSED, "stationingEnd");
    }

    @Test
    void a_one_day_window_is_allowed() {
        round.when(schedule(RoundKind.REGULAR, START, START, List.of(new Pairing("第一组", "o-1"))))
                .then(new RoundScheduled("r-1", "p-zj", "330000", RoundKind.REGULAR, "第一轮", START, START,
                        List.of(A1), null, null, null));
    }

    @Test
    void the_stationing_window_lies_within_the_plans_term() {
        round.when(schedule(RoundKind.REGULAR, LocalDate.of(2023, 12, 1), END, List.of(new Pairing("第一组", "o-1"))))
                .thenInvalid(Round.OUTSIDE_TERM, "stationingStart");
        round.when(schedule(RoundKind.REGULAR, LocalDate.of(2028, 11, 1), LocalDate.of(2029, 1, 10),
                List.of(new Pairing("第一组", "o-1")))).thenInvalid(Round.OUTSIDE_TERM, "stationingStart");
        round.when(schedule(RoundKind.REGULAR, LocalDate.of(2024, 1, 1), LocalDate.of(2028, 12, 31),
                List.of(new Pairing("第一组", "o-1")))).then(new RoundScheduled("r-1", "p-zj", "330000",
                        RoundKind.REGULAR, "第一轮", LocalDate.of(2024, 1, 1), LocalDate.of(2028, 12, 31), List.of(A1),
                        null, null, null));
    }

    @Test
    void a_round_pairs_at_least_one_team_with_a_target() {
        round.when(regular()).thenInvalid(Round.WITHOUT_ASSIGNMENTS, "assignments");
    }

    @Test
    void an_organisation_is_inspected_once_per_round() {
        assertThat(round.when(regular(new Pairing("第一组", "o-1"), new Pairing("第二组", "o-2"),
                new Pairing("第三组", "o-1"))).thenInvalid(Round.ASSIGNED_TWICE, "assignments").ids())
                .containsExactly("o-1");
    }

    @Test
    void an_organisation_the_organisations_view_does_not_know_is_invalid() {
        assertThat(round.when(regular(new Pairing("第一组", "o-1"), new Pairing("第二组", "o-x")))
                .thenInvalid(Round.UNKNOWN_ORGANISATIONS, "assignments").ids()).containsExactly("o-x");
    }

    @Test
    void a_regular_round_inspects_only_the_plans_universe() {
        assertThat(round.when(regular(new Pairing("第一组", "o-1"), new Pairing("第二组", "o-3")))
                .thenInvalid(Round.OUTSIDE_UNIVERSE, "assignments").ids()).containsExactly("o-3");
    }

    @Test
    void unknown_organisations_are_reported_before_those_outside_the_universe() {
        assertThat(round.when(regular(new Pairing("第一组", "o-3"), new Pairing("第二组", "o-x")))
                .thenInvalid(Round.UNKNOWN_ORGANISATIONS, "assignments").ids()).containsExactly("o-x");
    }

    @Test
    void a_special_round_names_its_theme_and_may_keep_to_one_sector_across_the_subtree() {
        round.when(special(" 国有企业专项巡视 ", OrganisationKind.STATE_OWNED_ENTERPRISE, new Pairing("专项组", "o-5"),
                new Pairing("专项二组", "o-6"))).then(new RoundScheduled("r-1", "p-zj", "330000", RoundKind.SPECIAL,
                        "专项", START, END, List.of(new Assignment("专项组", "o-5", "浙江省能源集团", "330000", "330100",
                                null), new Assignment("专项二组", "o-6", "杭州市某国企", "330100", "330106", null)),
                        "国有企业专项巡视", OrganisationKind.STATE_OWNED_ENTERPRISE, null));
        assertThat(round.when(special("国有企业专项巡视", OrganisationKind.STATE_OWNED_ENTERPRISE,
                new Pairing("专项组", "o-5"), new Pairing("专项二组", "o-3")))
                .thenInvalid(Round.OUTSIDE_SECTOR, "assignments").ids()).containsExactly("o-3");
        round.when(special(" ", null, new Pairing("专项组", "o-5"))).thenInvalid(Round.THEME_REQUIRED, "theme");
        // without a sector, any organisation managed within the subtree; not one beyond it
        assertThat(round.when(special("作风建设", null, new Pairing("专项组", "o-3"), new Pairing("二组", "o-4")))
                .thenInvalid(Round.OUTSIDE_UNIVERSE, "assignments").ids()).containsExactly("o-4");
        round.when(new Schedule("r-1", PLAN, RoundKind.REGULAR, "常规", START, END, List.of(new Pairing("一组", "o-1")),
                TARGETS, "主题", null, null, FACTS)).thenInvalid(Round.THEME_NOT_FOR_KIND, "theme");
        round.when(new Schedule("r-1", PLAN, RoundKind.MOBILE, "机动", START, START, List.of(new Pairing("一组",
                "o-1")), TARGETS, null, OrganisationKind.DEPARTMENT, null, FACTS))
                .thenInvalid(Round.THEME_NOT_FOR_KIND, "sector");
    }

    @Test
    void a_mobile_round_is_stationed_no_longer_than_configured() {
        round.when(schedule(RoundKind.MOBILE, START, START.plusDays(29), List.of(new Pairing("机动组", "o-3"))))
                .then(new RoundScheduled("r-1", "p-zj", "330000", RoundKind.MOBILE, "第一轮", START, START.plusDays(29),
                        List.of(new Assignment("机动组", "o-3", "杭州市某局", "330100", "330106", null)), null, null,
                        null));
        round.when(schedule(RoundKind.MOBILE, START, START.plusDays(30), List.of(new Pairing("机动组", "o-3"))))
                .thenInvalid(Round.MOBILE_TOO_LONG, "stationingEnd");
    }

    @Test
    void an_elevated_round_inspects_what_a_lower_level_covers_and_counts_for_that_levels_plan() {
        round.when(schedule(RoundKind.ELEVATED, START, END, List.of(new Pairing("提级组", "o-3"))))
                .then(new RoundScheduled("r-1", "p-zj", "330000", RoundKind.ELEVATED, "第一轮", START, END,
                        List.of(new Assignment("提级组", "o-3", "杭州市某局", "330100", "330106", "p-hz")), null, null,
                        null));
        // the plan's own organisations are not elevated, and nothing beyond its subtree is
        assertThat(round.when(schedule(RoundKind.ELEVATED, START, END, List.of(new Pairing("提级组", "o-1"),
                new Pairing("提级二组", "o-4")))).thenInvalid(Round.ELEVATED_NOT_BELOW, "assignments").ids())
                .containsExactly("o-1", "o-4");
        // a lower organisation in no plan's universe yet is inspected all the same, counting for no lower plan
        round.when(schedule(RoundKind.ELEVATED, START, END, List.of(new Pairing("提级组", "o-6"))))
                .then(new RoundScheduled("r-1", "p-zj", "330000", RoundKind.ELEVATED, "第一轮", START, END,
                        List.of(new Assignment("提级组", "o-6", "杭州市某国企", "330100", "330106", null)), null, null,
                        null));
    }

    @Test
    void a_look_back_of_an_elevated_target_counts_for_the_lower_plan_as_the_elevated_round_did() {
        round.when(new Schedule("r-1", PLAN, RoundKind.LOOK_BACK, "回头看", START, END, List.of(new Pairing("回头看组",
                "o-3")), TARGETS, null, null, null, new Round.KindFacts(30, null, Set.of("o-3"),
                        Map.of("o-3",
                                "p-hz"))))
                .then(new RoundScheduled("r-1", "p-zj", "330000", RoundKind.LOOK_BACK, "回头看",
                        START, END, List.of(new Assignment("回头看组", "o-3", "杭州市某局", "330100", "330106",
                                "p-hz")),
                        null, null, null));
        // a blank linked round id is none
        round.when(new Schedule("r-1", PLAN, RoundKind.REGULAR, "常规", START, END, List.of(new Pairing("第一组",
                "o-1")), TARGETS, null, null, "  ", FACTS))
                .then(new RoundScheduled("r-1", "p-zj", "330000", RoundKind.REGULAR,
                        "常规", START, END, List.of(A1), null, null, null));
    }

    @Test
    void a_look_back_round_revisits_only_organisations_the_plan_inspected() {
        round.when(schedule(RoundKind.LOOK_BACK, START, END, List.of(new Pairing("回头看组", "o-1"))))
                .then(new RoundScheduled("r-1", "p-zj", "330000", RoundKind.LOOK_BACK, "第一轮", START, END,
                        List.of(new Assignment("回头看组", "o-1", "浙江省交通运输厅", "330000", "330100", null)), null,
                        null, null));
        assertThat(round.when(schedule(RoundKind.LOOK_BACK, START, END, List.of(new Pairing("回头看组", "o-1"),
                new Pairing("二组", "o-2")))).thenInvalid(Round.LOOK_BACK_NOT_INSPECTED, "assignments").ids())
                .containsExactly("o-2");
    }

    @Test
    void a_linked_round_names_a_linked_round_of_a_higher_level_and_no_other_kind_names_one() {
        Round.LinkedRound centre = new Round.LinkedRound("r-centre", "000000", RoundKind.LINKED);
        round.when(linked(RoundKind.LINKED, " r-centre ", centre)).then(new RoundScheduled("r-1", "p-zj", "330000",
                RoundKind.LINKED, "联动", START, END, List.of(new Assignment("联动组", "o-3", "杭州市某局", "330100",
                        "330106", null)),
                null, null, "r-centre"));
        round.when(linked(RoundKind.LINKED, null, null)).then(new RoundScheduled("r-1", "p-zj", "330000",
                RoundKind.LINKED, "联动", START, END, List.of(new Assignment("联动组", "o-3", "杭州市某局", "330100",
                        "330106", null)),
                null, null, null));
        round.when(linked(RoundKind.LINKED, "r-x", null)).thenInvalid(Round.LINKED_ROUND_UNKNOWN, "linkedRoundId");
        round.when(linked(RoundKind.LINKED, "r-centre", new Round.LinkedRound("r-centre", "000000",
                RoundKind.REGULAR))).thenInvalid(Round.LINKED_ROUND_NOT_ABOVE, "linkedRoundId");
        round.when(linked(RoundKind.LINKED, "r-zj", new Round.LinkedRound("r-zj", "330000", RoundKind.LINKED)))
                .thenInvalid(Round.LINKED_ROUND_NOT_ABOVE, "linkedRoundId");
        round.when(linked(RoundKind.ELEVATED, "r-centre", centre)).thenInvalid(Round.LINK_NOT_FOR_KIND,
                "linkedRoundId");
    }

    @Test
    void a_launch_repeats_the_kinds_facts() {
        RoundScheduled special = new RoundScheduled("r-1", "p-zj", "330000", RoundKind.SPECIAL, "专项", START, END,
                List.of(A1), "作风建设", OrganisationKind.DEPARTMENT, null);
        round.given(special).when(new Round.Launch(LAUNCH_DAY)).then(new RoundLaunched("r-1", "p-zj", "330000",
                RoundKind.SPECIAL, "专项", START, END, List.of(A1), LAUNCH_DAY, "作风建设", OrganisationKind.DEPARTMENT,
                null));
    }

    @Test
    void a_scheduled_round_is_launched_with_everything_the_inspections_need() {
        round.given(SCHEDULED).when(new Round.Launch(LAUNCH_DAY)).then(LAUNCHED).andState(s -> {
            assertThat(s.status()).isEqualTo(Status.LAUNCHED);
            assertThat(s.launchedOn()).isEqualTo(LAUNCH_DAY);
            assertThat(s.assignments()).containsExactly(A1, A2);
        });
    }

    @Test
    void a_round_not_scheduled_cannot_be_launched() {
        round.when(new Round.Launch(LAUNCH_DAY)).thenRejected(Round.NOT_SCHEDULED);
    }

    @Test
    void a_round_is_launched_once() {
        round.given(SCHEDULED, LAUNCHED).when(new Round.Launch(LAUNCH_DAY.plusDays(1)))
                .thenRejected(Round.ALREADY_LAUNCHED);
    }

    @Test
    void a_plans_event_leaves_a_rounds_state_as_it_is() {
        WorkPlanIssued issued = new WorkPlanIssued("p-zj", "330000", "规划", 2024, 2028, "p-centre", List.of("o-1"));
        assertThat(round.given(SCHEDULED, issued).state()).isEqualTo(round.given(SCHEDULED).state());
        assertThat(round.given().state().status()).isEqualTo(Status.NEW);
    }

    // --- filing the round's work plan with the level above (报备)

    @Test
    void a_rounds_work_plan_is_filed_once_with_the_level_of_its_plans_parent() {
        round.given(SCHEDULED).when(new Round.File(LAUNCH_DAY, " 巡视4个市、6家省属企业 ", "000000"))
                .then(new RoundFiled("r-1", "p-zj", "330000", "000000", LAUNCH_DAY, "巡视4个市、6家省属企业"))
                .andState(s -> assertThat(s.filing()).isEqualTo(new Round.Filing("000000", LAUNCH_DAY,
                        "巡视4个市、6家省属企业")));
        RoundFiled filed = new RoundFiled("r-1", "p-zj", "330000", "000000", LAUNCH_DAY, "方案");
        round.given(SCHEDULED, LAUNCHED, filed).when(new Round.File(LAUNCH_DAY, "again", "000000"))
                .thenRejected(Round.ALREADY_FILED);
        // a launched round is filed too, and keeps its filing when launched after
        assertThat(round.given(SCHEDULED, filed, LAUNCHED).state().filing().filedWith()).isEqualTo("000000");
        round.given(SCHEDULED).when(new Round.File(LAUNCH_DAY, "方案", null)).thenRejected(Round.NOTHING_ABOVE);
        round.when(new Round.File(LAUNCH_DAY, "方案", "000000")).thenRejected(Round.NOT_SCHEDULED);
    }
}
