package io.xunshi.contracts.rectification;

import java.time.LocalDate;

/**
 * The organisation reported progress on one task.
 *
 * @param caseId the case
 * @param taskId the task
 * @param reportedOn the day of the report
 * @param progress what was done
 */
public record RectificationProgressReported(String caseId, String taskId, LocalDate reportedOn, String progress)
        implements
            RectificationEvent {

    public static final String TYPE = "xunshi.rectification.RectificationProgressReported";
    public static final int VERSION = 1;
}
