package io.xunshi.contracts.rectification;

import java.time.LocalDate;
import java.util.List;

/**
 * An owner changed post, and their open tasks passed to their successor (整改责任交接); the tasks' history keeps who
 * owned each task when. When the outgoing owner was the case's first responsible person (the head), the successor
 * becomes it.
 *
 * @param caseId the case
 * @param from who handed over, named in office
 * @param to the successor, named in office
 * @param toPost the successor's post
 * @param handedOverOn the day of the handover
 * @param taskIds the open tasks that passed, in the case's order
 * @param firstResponsible whether the first responsibility passed too
 */
public record ResponsibilityHandedOver(String caseId, String from, String to, String toPost, LocalDate handedOverOn,
        List<String> taskIds, boolean firstResponsible) implements RectificationEvent {

    public static final String TYPE = "xunshi.rectification.ResponsibilityHandedOver";
    public static final int VERSION = 1;
}
