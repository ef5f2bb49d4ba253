package io.xunshi.contracts.planning;

/**
 * What happens to a work plan or a round; published on {@code xunshi.planning.events}, keyed by the plan's
 * or the round's id.
 */
public sealed interface PlanningEvent permits WorkPlanIssued, WorkPlanRevised, RoundScheduled, RoundLaunched,
        RoundFiled {
}
