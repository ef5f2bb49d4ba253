package io.xunshi.contracts.discipline;

import java.time.LocalDate;

/**
 * The discipline organ confirms it received a problem clue. Its {@code ce_jurisdiction} names the reporting organ's
 * jurisdiction, which must be the clue's or above it.
 *
 * @param clueId the clue, as handed over
 * @param receivedBy who received it: the organ's account or office reference, not a person's name
 * @param receivedOn the day it was received
 */
public record ClueReceiptReported(String clueId, String receivedBy, LocalDate receivedOn) implements DisciplineReport {

    public static final String TYPE = "xunshi.discipline.ClueReceiptReported";
    public static final int VERSION = 1;
}
