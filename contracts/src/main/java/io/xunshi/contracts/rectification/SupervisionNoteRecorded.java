package io.xunshi.contracts.rectification;

import java.time.LocalDate;

/**
 * A supervising body's liaison recorded a supervision note on a case (日常监督), on the case as a whole or on one task.
 *
 * @param caseId the case
 * @param noteId the note's number on the case: N1, N2, …
 * @param by the body whose liaison wrote it
 * @param notedOn the day of the note
 * @param taskId the task it is about, or null for the case as a whole
 * @param note what was observed or asked
 */
public record SupervisionNoteRecorded(String caseId, String noteId, SupervisingBody by, LocalDate notedOn,
        String taskId, String note) implements RectificationEvent {

    public static final String TYPE = "xunshi.rectification.SupervisionNoteRecorded";
    public static final int VERSION = 1;
}
