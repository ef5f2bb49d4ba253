package io.xunshi.contracts.inspection;

import java.time.LocalDate;

/**
 * The inspection was closed after its feedback; rectification goes on in its own service.
 *
 * @param inspectionId the inspection
 * @param closedOn the day it was closed
 */
public record InspectionClosed(String inspectionId, LocalDate closedOn) implements InspectionEvent {

    public static final String TYPE = "xunshi.inspection.InspectionClosed";
    public static final int VERSION = 1;
}
