package io.xunshi.contracts.inspection;

import java.time.LocalDate;

/**
 * The team was stationed at the organisation (进驻): the mobilisation meeting was held and the contact
 * channels published.
 *
 * @param inspectionId the inspection
 * @param stationedOn the day the team was stationed
 */
public record InspectionStationed(String inspectionId, LocalDate stationedOn) implements InspectionEvent {

    public static final String TYPE = "xunshi.inspection.InspectionStationed";
    public static final int VERSION = 1;
}
