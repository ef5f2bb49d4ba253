package io.xunshi.contracts.inspection;

import java.time.LocalDate;
import java.util.List;

/**
 * The team was stationed at the organisation (进驻): the mobilisation meeting was held and the contact
 * channels published.
 *
 * @param inspectionId the inspection
 * @param stationedOn the day the team was stationed
 * @param contactChannels the channels published for petitions; null in events recorded before they were
 *        published with the stationing
 */
public record InspectionStationed(String inspectionId, LocalDate stationedOn, List<ContactChannel> contactChannels)
        implements
            InspectionEvent {

    public static final String TYPE = "xunshi.inspection.InspectionStationed";
    public static final int VERSION = 1;
}
