package io.xunshi.contracts.rectification;

import java.time.LocalDate;
import java.util.List;

/**
 * The organisation answered the feedback with its rectification plan (整改方案): the three lists. The problem list is
 * the findings fed back; the task list is {@code tasks}, one or more per problem, each with its tier, due date and
 * owner; the responsibility list follows from the owners, the head first responsible. The plan's tasks replace the
 * case's first tasks (one per finding, owned by the head).
 *
 * @param caseId the case
 * @param filedOn the day the plan was filed
 * @param tasks the task list, every problem worked on by at least one
 */
public record RectificationPlanFiled(String caseId, LocalDate filedOn, List<PlannedTask> tasks)
        implements
            RectificationEvent {

    public static final String TYPE = "xunshi.rectification.RectificationPlanFiled";
    public static final int VERSION = 1;
}
