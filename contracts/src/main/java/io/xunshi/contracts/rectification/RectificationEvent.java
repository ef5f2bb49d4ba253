package io.xunshi.contracts.rectification;

/** What happens to one rectification case; published on {@code xunshi.rectification.events}, keyed by the case id. */
public sealed interface RectificationEvent permits RectificationCaseOpened, RectificationPlanFiled,
        RectificationProgressReported, RectificationTaskClosed, RectificationReportSubmitted, HeadReportSubmitted,
        ResponsibilityHandedOver, TaskClosureRejected, SupervisionNoteRecorded, ConsultationHeld,
        RectificationEvaluated, LookBackCandidatePublished, AccountabilityReferred, PublicViewPublished {

    String caseId();
}
