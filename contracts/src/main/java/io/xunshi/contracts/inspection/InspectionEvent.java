package io.xunshi.contracts.inspection;

/** What happens to one inspection; published on {@code xunshi.inspection.events}, keyed by the inspection id. */
public sealed interface InspectionEvent permits InspectionOpened, InspectionStationed, FindingRecorded,
        InspectionReported, FeedbackGiven, InspectionClosed {

    String inspectionId();
}
