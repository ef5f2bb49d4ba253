package io.xunshi.contracts.rectification;

import java.time.LocalDate;
import java.util.List;

/**
 * A task was closed off the ledger on evidence (台账销号).
 *
 * @param caseId the case
 * @param taskId the task
 * @param closedOn the day it was closed
 * @param evidence references to the evidence of rectification; at least one
 */
public record RectificationTaskClosed(String caseId, String taskId, LocalDate closedOn, List<String> evidence)
        implements
            RectificationEvent {

    public static final String TYPE = "xunshi.rectification.RectificationTaskClosed";
    public static final int VERSION = 1;
}
