package io.xunshi.planning.application;

import java.util.List;

/** A work plan as the API shows it; {@code version} is also its ETag. */
public record PlanView(String id, String jurisdiction, String title, int termStart, int termEnd, String parentPlanId,
        int universeSize, List<String> universe, int version) {
}
