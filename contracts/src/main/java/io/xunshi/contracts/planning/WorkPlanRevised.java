package io.xunshi.contracts.planning;

import java.time.LocalDate;
import java.util.List;

/**
 * A plan was revised during its term (规划修订): organisations joined its universe or left it, each with its reason;
 * coverage follows the universe as revised.
 *
 * @param planId the plan; also the stream id and the Kafka key
 * @param jurisdiction the plan's jurisdiction
 * @param revision the revision's number, from 1
 * @param revisedOn the day of the revision, within the plan's term
 * @param joined the organisations that joined, all managed by the plan's jurisdiction
 * @param left the organisations that left
 * @param universe the universe after the revision, in order
 */
public record WorkPlanRevised(String planId, String jurisdiction, int revision, LocalDate revisedOn,
        List<UniverseChange> joined, List<UniverseChange> left, List<String> universe) implements PlanningEvent {

    public static final String TYPE = "xunshi.planning.WorkPlanRevised";
    public static final int VERSION = 1;
}
