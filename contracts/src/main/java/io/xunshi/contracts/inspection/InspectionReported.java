package io.xunshi.contracts.inspection;

import java.time.LocalDate;

/**
 * The team reported the inspection to the leading group (巡视报告); fieldwork is over.
 *
 * @param inspectionId the inspection
 * @param reportedOn the day of the report
 * @param summary the report's summary
 * @param findings how many findings it reports
 */
public record InspectionReported(String inspectionId, LocalDate reportedOn, String summary, int findings)
        implements
            InspectionEvent {

    public static final String TYPE = "xunshi.inspection.InspectionReported";
    public static final int VERSION = 1;
}
