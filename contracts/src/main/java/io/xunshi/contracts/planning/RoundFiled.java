package io.xunshi.contracts.planning;

import java.time.LocalDate;

/**
 * A round's work plan was filed with the level above (巡视巡察工作方案报备), so that the higher office sees what its
 * lower levels are running.
 *
 * @param roundId the round; also the stream id and the Kafka key
 * @param planId the plan it belongs to
 * @param jurisdiction the jurisdiction that runs it
 * @param filedWith the jurisdiction above, whose office it was filed with
 * @param filedOn the day it was filed
 * @param workPlan the work plan's summary as filed: aims, focus and arrangements
 */
public record RoundFiled(String roundId, String planId, String jurisdiction, String filedWith, LocalDate filedOn,
        String workPlan) implements PlanningEvent {

    public static final String TYPE = "xunshi.planning.RoundFiled";
    public static final int VERSION = 1;
}
