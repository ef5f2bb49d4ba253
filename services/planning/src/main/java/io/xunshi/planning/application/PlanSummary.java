package io.xunshi.planning.application;

/** A work plan in a list: everything but its universe's ids. */
public record PlanSummary(String id, String jurisdiction, String title, int termStart, int termEnd,
        String parentPlanId, int universeSize) {
}
