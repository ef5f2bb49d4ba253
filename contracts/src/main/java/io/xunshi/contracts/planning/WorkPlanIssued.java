package io.xunshi.contracts.planning;

import java.util.List;

/**
 * A level issued its inspection work plan for a term of office, with the universe it must cover.
 *
 * @param planId stable id of the plan; also the stream id and the Kafka key
 * @param jurisdiction the issuing jurisdiction (000000 for the Centre)
 * @param title the plan's title, e.g. 中央巡视工作规划（2023－2027年）
 * @param termStart the first year of the term
 * @param termEnd the last year of the term
 * @param parentPlanId the higher level's plan this one was issued according to; {@code null} for the Centre's
 * @param universe the ids of the organisations the plan must cover in its term, all managed by the issuing
 *        jurisdiction
 */
public record WorkPlanIssued(String planId, String jurisdiction, String title, int termStart, int termEnd,
        String parentPlanId, List<String> universe) implements PlanningEvent {

    public static final String TYPE = "xunshi.planning.WorkPlanIssued";
    public static final int VERSION = 1;
}
