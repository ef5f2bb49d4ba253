package io.xunshi.contracts.inspection;

import java.time.LocalDate;

/**
 * A petition out of the inspection's scope was transferred to the department it belongs to (转交), which is to
 * answer by {@code answerDue}.
 *
 * @param petitionId the petition
 * @param department the department it was transferred to
 * @param transferredOn the day of the transfer
 * @param answerDue the day the department's answer is due
 */
public record PetitionTransferred(String petitionId, String department, LocalDate transferredOn,
        LocalDate answerDue) implements PetitionEvent {

    public static final String TYPE = "xunshi.inspection.PetitionTransferred";
    public static final int VERSION = 1;
}
