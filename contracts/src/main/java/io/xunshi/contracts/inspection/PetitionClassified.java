package io.xunshi.contracts.inspection;

import java.time.LocalDate;

/**
 * The team leader decided whom the petition concerns: within the inspection's scope it is material for findings and
 * problem clues; out of scope it is to be transferred.
 *
 * @param petitionId the petition
 * @param scope whom it concerns
 * @param classifiedBy the account of the leader (or office) who decided, in their office
 * @param classifiedOn the day of the decision
 */
public record PetitionClassified(String petitionId, PetitionScope scope, String classifiedBy,
        LocalDate classifiedOn) implements PetitionEvent {

    public static final String TYPE = "xunshi.inspection.PetitionClassified";
    public static final int VERSION = 1;
}
