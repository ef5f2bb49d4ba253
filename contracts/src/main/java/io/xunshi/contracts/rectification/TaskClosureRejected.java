package io.xunshi.contracts.rectification;

import java.time.LocalDate;

/**
 * The supervising inspection office rejected the closure of a task off the ledger (销号不予认可): the task is open
 * again, and the evidence it was closed on stays in its history.
 *
 * @param caseId the case
 * @param taskId the task whose closure was rejected
 * @param rejectedOn the day of the rejection
 * @param reason why the closure is not accepted
 */
public record TaskClosureRejected(String caseId, String taskId, LocalDate rejectedOn, String reason)
        implements
            RectificationEvent {

    public static final String TYPE = "xunshi.rectification.TaskClosureRejected";
    public static final int VERSION = 1;
}
