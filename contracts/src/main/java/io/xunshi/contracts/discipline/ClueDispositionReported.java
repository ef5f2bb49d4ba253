package io.xunshi.contracts.discipline;

import java.time.LocalDate;

import io.xunshi.contracts.inspection.ClueDisposition;

/**
 * The discipline organ reports back how it disposed of a problem clue (Art. 29); a disposition reported without a
 * receipt confirms the receipt with it. Its {@code ce_jurisdiction} names the reporting organ's jurisdiction, which
 * must be the clue's or above it.
 *
 * @param clueId the clue, as handed over
 * @param disposition how it was disposed of
 * @param summary what was done, in the organ's words (no names of persons)
 * @param reportedBy who reported it: the organ's account or office reference, not a person's name
 * @param disposedOn the day of the disposition
 */
public record ClueDispositionReported(String clueId, ClueDisposition disposition, String summary, String reportedBy,
        LocalDate disposedOn) implements DisciplineReport {

    public static final String TYPE = "xunshi.discipline.ClueDispositionReported";
    public static final int VERSION = 1;
}
