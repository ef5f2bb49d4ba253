package io.xunshi.contracts.inspection;

import java.time.LocalDate;

/**
 * Before the stationing, the team was briefed on the organisation by a department (Art. 21): who, when, and what
 * the team took from it.
 *
 * @param inspectionId the inspection
 * @param source the kind of department
 * @param department the department's name, e.g. 省纪委监委第三监督检查室
 * @param receivedOn the day of the briefing
 * @param summary what the team took from it
 */
public record BriefingReceived(String inspectionId, BriefingSource source, String department, LocalDate receivedOn,
        String summary) implements InspectionEvent {

    public static final String TYPE = "xunshi.inspection.BriefingReceived";
    public static final int VERSION = 1;
}
