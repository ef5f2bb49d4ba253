package io.xunshi.contracts.inspection;

import java.time.LocalDate;

/**
 * The receiver acknowledged receipt of a problem clue.
 *
 * @param clueId the clue
 * @param acknowledgedBy who acknowledged it: the receiver's account, in their office
 * @param acknowledgedOn the day of the acknowledgement
 */
public record ClueAcknowledged(String clueId, String acknowledgedBy, LocalDate acknowledgedOn) implements ClueEvent {

    public static final String TYPE = "xunshi.inspection.ClueAcknowledged";
    public static final int VERSION = 1;
}
