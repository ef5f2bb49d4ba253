package io.xunshi.contracts.inspection;

import java.time.LocalDate;

/**
 * The team leader sent a finding's working paper back to the team with a reason; it stays out of the report until
 * it is revised ({@link FindingRevised}) and approved.
 *
 * @param inspectionId the inspection
 * @param findingId the finding sent back
 * @param rejectedBy the account of the team leader who sent it back, in their office
 * @param reason why it goes back: what the draft lacks
 * @param rejectedOn the day it was sent back
 */
public record FindingRejected(String inspectionId, String findingId, String rejectedBy, String reason,
        LocalDate rejectedOn) implements InspectionEvent {

    public static final String TYPE = "xunshi.inspection.FindingRejected";
    public static final int VERSION = 1;
}
