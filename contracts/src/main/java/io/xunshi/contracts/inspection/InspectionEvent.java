package io.xunshi.contracts.inspection;

/** What happens to one inspection; published on {@code xunshi.inspection.events}, keyed by the inspection id. */
public sealed interface InspectionEvent
        permits InspectionOpened, BriefingReceived, InspectionStationed, FindingRecorded, FindingRevised,
        FindingApproved,
        FindingRejected, ThematicReportSubmitted,
        HeadFeedbackGiven,
        InspectionReported, FeedbackGiven, InspectionClosed {

    String inspectionId();
}
