package io.xunshi.planning.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.xunshi.contracts.planning.PlanningEvent;
import io.xunshi.contracts.planning.RevisionReason;
import io.xunshi.contracts.planning.UniverseChange;
import io.xunshi.contracts.planning.WorkPlanIssued;
import io.xunshi.contracts.planning.WorkPlanRevised;
import io.xunshi.planning.domain.WorkPlan.Issue;
import io.xunshi.planning.domain.WorkPlan.ParentPlan;
import io.xunshi.testing.decider.DeciderSpec;

class WorkPlanTest {

    private static final WorkPlan DECIDER = new WorkPlan();
    private final DeciderSpec<WorkPlan.Command, PlanningEvent, WorkPlan.State> plan = DeciderSpec
            .of(DECIDER::initialState, DECIDER::decide, DECIDER::evolve);

    private static final ParentPlan CENTRE_PLAN = new ParentPlan("p-centre", "000000", 2023, 2027);
    private static final Map<String, String> MANAGERS = Map.of("o-1", "330000", "o-2", "330000", "o-9", "330100");

    /** Zhejiang's plan for 2024–2028 under the Centre's, naming its universe. */
    private static Issue zhejiang(int termStart, int termEnd, List<String> universe) {
        return new Issue("p-zj", "330000", " 浙江省委巡视工作规划 ", termStart, termEnd, "p-centre", CENTRE_PLAN, null,
                universe, MANAGERS, List.of("o-1", "o-2"));
    }

    private static Issue centre(String parentPlanId) {
        return new Issue("p-centre", "000000", "中央巡视工作规划", 2023, 2027, parentPlanId, null, null, null,
                Map.of(), List.of("c-1"));
    }

    private static Issue withParent(String parentPlanId, ParentPlan parent) {
        return new Issue("p-zj", "330000", "规划", 2024, 2028, parentPlanId, parent, null, List.of("o-1"), MANAGERS,
                List.of("o-1"));
    }

    private static final WorkPlanIssued ISSUED = new WorkPlanIssued("p-zj", "330000", "浙江省委巡视工作规划", 2024, 2028,
            "p-centre", List.of("o-2", "o-1"));

    @Test
    void a_plan_is_issued_with_its_title_stripped_and_its_universe_as_named() {
        plan.when(zhejiang(2024, 2028, List.of("o-2", "o-1"))).then(ISSUED).andState(s -> {
            assertThat(s.issued()).isTrue();
            assertThat(s.universe()).containsExactly("o-2", "o-1");
            assertThat(s.parentPlanId()).isEqualTo("p-centre");
            assertThat(s.termStart()).isEqualTo(2024);
            assertThat(s.termEnd()).isEqualTo(2028);
        });
    }

    @Test
    void an_organisation_named_twice_in_the_universe_is_kept_once_in_first_order() {
        plan.when(zhejiang(2024, 2028, List.of("o-2", "o-1", "o-2"))).then(ISSUED);
    }

    @Test
    void without_a_universe_the_plan_covers_every_organisation_the_jurisdiction_manages() {
        plan.when(zhejiang(2024, 2028, null)).then(new WorkPlanIssued("p-zj", "330000", "浙江省委巡视工作规划", 2024,
                2028, "p-centre", List.of("o-1", "o-2")));
    }

    @Test
    void the_centres_plan_has_no_parent() {
        plan.when(centre(null)).then(new WorkPlanIssued("p-centre", "000000", "中央巡视工作规划", 2023, 2027, null,
                List.of("c-1")));
        plan.when(centre("p-other")).thenInvalid(WorkPlan.CENTRE_PLAN_HAS_NO_PARENT, "parentPlanId");
    }

    @Test
    void a_plan_is_issued_once() {
        plan.given(ISSUED).when(zhejiang(2024, 2028, null)).thenRejected(WorkPlan.ALREADY_ISSUED);
    }

    @Test
    void a_term_that_ends_before_it_starts_is_invalid_on_term_end() {
        plan.when(zhejiang(2026, 2025, null)).thenInvalid(WorkPlan.TERM_REVERSED, "termEnd");
    }

    @Test
    void a_term_covers_at_most_five_years() {
        plan.when(zhejiang(2024, 2029, null)).thenInvalid(WorkPlan.TERM_TOO_LONG, "termEnd");
        plan.when(zhejiang(2024, 2028, List.of("o-2", "o-1"))).then(ISSUED);
    }

    @Test
    void a_plan_below_the_centre_names_an_issued_plan_of_a_jurisdiction_above_it() {
        plan.when(withParent(null, null)).thenInvalid(WorkPlan.PARENT_PLAN_REQUIRED, "parentPlanId");
        plan.when(withParent("p-nope", null)).thenInvalid(WorkPlan.PARENT_PLAN_UNKNOWN, "parentPlanId");
        plan.when(withParent("p-zj-old", new ParentPlan("p-zj-old", "330000", 2024, 2028)))
                .thenInvalid(WorkPlan.PARENT_PLAN_NOT_AN_ANCESTOR, "parentPlanId");
        plan.when(withParent("p-js", new ParentPlan("p-js", "320000", 2024, 2028)))
                .thenInvalid(WorkPlan.PARENT_PLAN_NOT_AN_ANCESTOR, "parentPlanId");
        plan.when(withParent("p-hz", new ParentPlan("p-hz", "330100", 2024, 2028)))
                .thenInvalid(WorkPlan.PARENT_PLAN_NOT_AN_ANCESTOR, "parentPlanId");
    }

    @Test
    void the_term_overlaps_the_parent_plans_term_but_need_not_be_aligned_with_it() {
        plan.when(zhejiang(2027, 2031, List.of("o-1"))).then(new WorkPlanIssued("p-zj", "330000",
                "浙江省委巡视工作规划", 2027, 2031, "p-centre", List.of("o-1")));
        plan.when(zhejiang(2019, 2023, List.of("o-1"))).then(new WorkPlanIssued("p-zj", "330000",
                "浙江省委巡视工作规划", 2019, 2023, "p-centre", List.of("o-1")));
        plan.when(zhejiang(2028, 2032, null)).thenInvalid(WorkPlan.TERM_OUTSIDE_PARENT, "termStart");
        plan.when(zhejiang(2018, 2022, null)).thenInvalid(WorkPlan.TERM_OUTSIDE_PARENT, "termStart");
    }

    @Test
    void a_jurisdiction_has_one_plan_for_a_term() {
        plan.when(new Issue("p-zj-2", "330000", "规划", 2024, 2028, "p-centre", CENTRE_PLAN, "p-zj", null, MANAGERS,
                List.of("o-1"))).thenRejected(WorkPlan.ALREADY_ISSUED_FOR_TERM);
    }

    @Test
    void a_plan_needs_a_universe_to_cover() {
        plan.when(zhejiang(2024, 2028, List.of())).thenInvalid(WorkPlan.UNIVERSE_EMPTY, "universe");
        plan.when(new Issue("p-zj", "330000", "规划", 2024, 2028, "p-centre", CENTRE_PLAN, null, null, MANAGERS,
                List.of())).thenInvalid(WorkPlan.UNIVERSE_EMPTY, "universe");
    }

    @Test
    void the_universe_holds_only_organisations_the_jurisdiction_manages() {
        assertThat(plan.when(zhejiang(2024, 2028, Arrays.asList("o-1", "o-9", "o-unknown")))
                .thenInvalid(WorkPlan.UNIVERSE_FOREIGN, "universe").ids()).containsExactly("o-9", "o-unknown");
    }

    @Test
    void the_term_is_checked_before_the_parent_and_the_parent_before_the_universe() {
        plan.when(new Issue("p-zj", "330000", "规划", 2026, 2025, null, null, null, List.of(), MANAGERS, List.of()))
                .thenInvalid(WorkPlan.TERM_REVERSED, "termEnd");
        plan.when(new Issue("p-zj", "330000", "规划", 2024, 2028, null, null, "p-old", List.of(), MANAGERS, List.of()))
                .thenInvalid(WorkPlan.PARENT_PLAN_REQUIRED, "parentPlanId");
    }

    @Test
    void an_issued_plan_without_a_universe_folds_to_an_empty_one() {
        assertThat(plan.given(new WorkPlanIssued("p-1", "000000", "t", 2023, 2027, null, null)).state().universe())
                .isEmpty();
        assertThat(plan.given().state().issued()).isFalse();
    }

    // --- revisions during the term (修订)

    private static final Map<String, String> NEW_UNITS = Map.of("o-3", "330000", "o-9", "330100");

    private static WorkPlan.Revise revise(List<UniverseChange> joins, List<UniverseChange> leaves) {
        return new WorkPlan.Revise(LocalDate.of(2025, 3, 1), joins, leaves, NEW_UNITS);
    }

    @Test
    void a_revision_adds_new_units_and_removes_merged_ones_each_with_its_reason_and_numbers_itself() {
        WorkPlanRevised first = new WorkPlanRevised("p-zj", "330000", 1, LocalDate.of(2025, 3, 1),
                List.of(new UniverseChange("o-3", RevisionReason.NEW_UNIT, "新设省数据局")),
                List.of(new UniverseChange("o-2", RevisionReason.MERGED, "并入省国资委")), List.of("o-1", "o-3"));
        plan.given(ISSUED).when(revise(List.of(new UniverseChange(" o-3 ", RevisionReason.NEW_UNIT, " 新设省数据局 ")),
                List.of(new UniverseChange("o-2", RevisionReason.MERGED, "并入省国资委")))).then(first).andState(s -> {
                    assertThat(s.universe()).containsExactly("o-1", "o-3");
                    assertThat(s.revisions()).isEqualTo(1);
                    assertThat(s.history()).containsExactly(first);
                });
        plan.given(ISSUED, first).when(revise(List.of(), List.of(new UniverseChange("o-3", RevisionReason.DISSOLVED,
                " ")))).then(new WorkPlanRevised("p-zj", "330000", 2, LocalDate.of(2025, 3, 1), List.of(),
                        List.of(new UniverseChange("o-3", RevisionReason.DISSOLVED, null)), List.of("o-1")));
    }

    @Test
    void a_revision_keeps_the_universe_the_jurisdictions_own_and_never_empty() {
        plan.given(ISSUED).when(revise(List.of(), List.of())).thenInvalid(WorkPlan.REVISION_EMPTY, "joined");
        assertThat(plan.given(ISSUED).when(revise(List.of(new UniverseChange("o-1", RevisionReason.OTHER, null)),
                List.of())).thenInvalid(WorkPlan.ALREADY_IN_UNIVERSE, "joined").ids()).containsExactly("o-1");
        assertThat(plan.given(ISSUED).when(revise(List.of(new UniverseChange("o-9", RevisionReason.MOVED_LEVEL,
                null)), List.of())).thenInvalid(WorkPlan.UNIVERSE_FOREIGN, "joined").ids()).containsExactly("o-9");
        assertThat(plan.given(ISSUED).when(revise(List.of(), List.of(new UniverseChange("o-7", RevisionReason.MERGED,
                null)))).thenInvalid(WorkPlan.NOT_IN_UNIVERSE, "left").ids()).containsExactly("o-7");
        plan.given(ISSUED).when(revise(List.of(new UniverseChange("o-3", RevisionReason.MERGED, null)), List.of()))
                .thenInvalid(WorkPlan.REASON_NOT_FOR_JOINING, "joined");
        plan.given(ISSUED).when(revise(List.of(), List.of(new UniverseChange("o-1", RevisionReason.NEW_UNIT, null))))
                .thenInvalid(WorkPlan.REASON_NOT_FOR_LEAVING, "left");
        plan.given(ISSUED).when(revise(List.of(), List.of(new UniverseChange("o-1", RevisionReason.MERGED, null),
                new UniverseChange("o-2", RevisionReason.DISSOLVED, null))))
                .thenInvalid(WorkPlan.UNIVERSE_EMPTY, "left");
        assertThat(plan.given(ISSUED).when(revise(List.of(new UniverseChange("o-3", RevisionReason.NEW_UNIT, null)),
                List.of(new UniverseChange("o-3", RevisionReason.MERGED, null))))
                .thenInvalid(WorkPlan.REVISED_TWICE, "joined").ids()).containsExactly("o-3");
        plan.given(ISSUED).when(new WorkPlan.Revise(LocalDate.of(2029, 1, 1), List.of(), List.of(
                new UniverseChange("o-1", RevisionReason.MERGED, null)), Map.of()))
                .thenInvalid(WorkPlan.REVISION_OUTSIDE_TERM, "revisedOn");
        plan.when(revise(List.of(), List.of(new UniverseChange("o-1", RevisionReason.MERGED, null))))
                .thenNotFound(WorkPlan.NOT_ISSUED);
        WorkPlanRevised first = new WorkPlanRevised("p-zj", "330000", 1, LocalDate.of(2025, 3, 1), List.of(),
                List.of(new UniverseChange("o-2", RevisionReason.MERGED, null)), List.of("o-1"));
        plan.given(ISSUED, first).when(new WorkPlan.Revise(LocalDate.of(2025, 2, 1), List.of(new UniverseChange("o-3",
                RevisionReason.NEW_UNIT, null)), List.of(), NEW_UNITS))
                .thenInvalid(WorkPlan.REVISION_BEFORE_LAST, "revisedOn");
    }
}
