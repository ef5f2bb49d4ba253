package io.xunshi.contracts.inspection;

/**
 * A finding as fed back to the inspected organisation, for it to rectify.
 *
 * @param findingId the finding's id (from {@link FindingRecorded})
 * @param focusArea its focus area
 * @param description what was found
 * @param severity how serious it is
 */
public record FeedbackFinding(String findingId, FocusArea focusArea, String description, Severity severity) {
}
