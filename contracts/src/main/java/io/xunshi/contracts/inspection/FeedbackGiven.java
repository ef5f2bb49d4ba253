package io.xunshi.contracts.inspection;

import java.time.LocalDate;
import java.util.List;

/**
 * The inspection's findings were fed back to the organisation's head and leadership team (巡视反馈). The
 * rectification service opens a case from this event alone, so it repeats what the case needs; for
 * planning it marks the organisation as formally covered.
 *
 * @param inspectionId the inspection
 * @param roundId its round
 * @param planId its plan
 * @param jurisdiction the inspecting jurisdiction
 * @param organisationId the inspected organisation
 * @param organisationName its name
 * @param organisationJurisdiction the jurisdiction that manages it
 * @param organisationLocation the jurisdiction where it is located
 * @param organisationHead the head (主要负责人) the feedback was given to, who becomes first responsible
 *        for rectification
 * @param givenOn the day feedback was given
 * @param findings every finding of the inspection
 */
public record FeedbackGiven(String inspectionId, String roundId, String planId, String jurisdiction,
        String organisationId, String organisationName, String organisationJurisdiction, String organisationLocation,
        String organisationHead,
        LocalDate givenOn, List<FeedbackFinding> findings) implements InspectionEvent {

    public static final String TYPE = "xunshi.inspection.FeedbackGiven";
    public static final int VERSION = 1;
}
