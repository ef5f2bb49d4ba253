package io.xunshi.contracts.inspection;

import java.time.LocalDate;

/**
 * The department a petition was transferred to answered how it dealt with it; the petition is closed.
 *
 * @param petitionId the petition
 * @param answer what the department did
 * @param answeredOn the day of the answer
 * @param late whether it came after the answer was due
 */
public record TransferAnswered(String petitionId, String answer, LocalDate answeredOn, boolean late)
        implements
            PetitionEvent {

    public static final String TYPE = "xunshi.inspection.TransferAnswered";
    public static final int VERSION = 1;
}
