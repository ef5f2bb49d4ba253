package io.xunshi.contracts.rectification;

import java.time.LocalDate;

/**
 * One task of the organisation's rectification plan (任务清单): it works on one problem of the problem list (a finding
 * fed back), has a tier, a due date where the tier has one, and an owner (责任清单).
 *
 * @param taskId the task's id within the case, {@code T1}, {@code T2}, … in the plan's order
 * @param findingId the problem it works on: a finding fed back
 * @param description what is to be done
 * @param tier fix now, by a deadline, or long term
 * @param dueOn when it is due; null for a long-term task
 * @param owner who owns it, named in office: the head or a member of the leadership team in their remit (一岗双责)
 * @param ownerPost the owner's post, e.g. 副局长; the task passes to the post's successor
 */
public record PlannedTask(String taskId, String findingId, String description, TaskTier tier, LocalDate dueOn,
        String owner, String ownerPost) {
}
