package io.xunshi.contracts.inspection;

import java.time.LocalDate;

/**
 * The team leader approved a finding's working paper (底稿): from now on it enters the report, the thematic reports
 * and the feedback.
 *
 * @param inspectionId the inspection
 * @param findingId the finding approved
 * @param approvedBy the account of the team leader who approved it, in their office
 * @param approvedOn the day of the approval
 */
public record FindingApproved(String inspectionId, String findingId, String approvedBy, LocalDate approvedOn)
        implements
            InspectionEvent {

    public static final String TYPE = "xunshi.inspection.FindingApproved";
    public static final int VERSION = 1;
}
