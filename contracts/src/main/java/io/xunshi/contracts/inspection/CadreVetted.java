package io.xunshi.contracts.inspection;

import java.time.LocalDate;

/**
 * A cadre passed one of the checks a leader needs (政治关、廉洁关、作风关).
 *
 * @param cadreId the cadre
 * @param check which check
 * @param passedOn the day it was passed
 */
public record CadreVetted(String cadreId, VettingCheck check, LocalDate passedOn) implements CadreEvent {

    public static final String TYPE = "xunshi.inspection.CadreVetted";
    public static final int VERSION = 1;
}
