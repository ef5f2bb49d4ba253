package io.xunshi.contracts.inspection;

import java.time.LocalDate;

/**
 * The receiver reported back how it disposed of a problem clue; the clue's loop is closed.
 *
 * @param clueId the clue
 * @param disposition how it was disposed of
 * @param summary what was done, in the receiver's words
 * @param disposedBy who reported it: the receiver's account, in their office
 * @param disposedOn the day of the report
 * @param late whether it came after the disposition was due
 */
public record ClueDisposed(String clueId, ClueDisposition disposition, String summary, String disposedBy,
        LocalDate disposedOn, boolean late) implements ClueEvent {

    public static final String TYPE = "xunshi.inspection.ClueDisposed";
    public static final int VERSION = 1;
}
