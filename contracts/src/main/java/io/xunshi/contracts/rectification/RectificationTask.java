package io.xunshi.contracts.rectification;

import io.xunshi.contracts.inspection.FocusArea;

/**
 * One task of a case, one per finding fed back.
 *
 * @param taskId stable id of the task within the case
 * @param findingId the finding it rectifies
 * @param focusArea the finding's focus area
 * @param description what is to be rectified (the finding)
 * @param responsible who answers for it; at first the organisation's head
 */
public record RectificationTask(String taskId, String findingId, FocusArea focusArea, String description,
        String responsible) {
}
