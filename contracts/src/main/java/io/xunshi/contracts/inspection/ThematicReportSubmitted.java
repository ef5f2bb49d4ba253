package io.xunshi.contracts.inspection;

import java.time.LocalDate;
import java.util.List;

/**
 * Beside the inspection report, the team submitted a thematic report (专题报告, Art. 23) on a widespread or systemic
 * problem, resting on findings of the inspection.
 *
 * @param inspectionId the inspection
 * @param reportId stable id of the thematic report
 * @param title its title
 * @param summary what it says
 * @param findingIds the findings it rests on, at least one
 * @param submittedOn the day it was submitted
 */
public record ThematicReportSubmitted(String inspectionId, String reportId, String title, String summary,
        List<String> findingIds, LocalDate submittedOn) implements InspectionEvent {

    public static final String TYPE = "xunshi.inspection.ThematicReportSubmitted";
    public static final int VERSION = 1;
}
