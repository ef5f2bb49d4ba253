package io.xunshi.contracts.inspection;

import java.time.LocalDate;

/**
 * The findings were fed back to the organisation's principal leader in person, apart from the leadership team
 * (Art. 26: 向主要负责人反馈); the feedback to the leadership team is {@link FeedbackGiven}.
 *
 * @param inspectionId the inspection
 * @param organisationHead the principal leader, named in their office
 * @param givenOn the day of the feedback
 */
public record HeadFeedbackGiven(String inspectionId, String organisationHead, LocalDate givenOn)
        implements
            InspectionEvent {

    public static final String TYPE = "xunshi.inspection.HeadFeedbackGiven";
    public static final int VERSION = 1;
}
