package io.xunshi.contracts.inspection;

import java.time.LocalDate;

import io.xunshi.contracts.planning.RoundKind;

/**
 * An inspection was opened for one assignment of a launched round; it is now preparing.
 *
 * @param inspectionId stable id of the inspection; also the stream id and the Kafka key. Derived from the
 *        round and the organisation, so a redelivered launch cannot open a second inspection
 * @param roundId the round it belongs to
 * @param planId the plan of the round
 * @param jurisdiction the inspecting jurisdiction (the round's)
 * @param roundKind the kind of round
 * @param team the team that inspects
 * @param organisationId the inspected organisation
 * @param organisationName its name
 * @param organisationJurisdiction the jurisdiction that manages it
 * @param organisationLocation the jurisdiction where it is located
 * @param stationingStart the first day of the planned stationing
 * @param stationingEnd its last day
 */
public record InspectionOpened(String inspectionId, String roundId, String planId, String jurisdiction,
        RoundKind roundKind, String team, String organisationId, String organisationName,
        String organisationJurisdiction, String organisationLocation, LocalDate stationingStart,
        LocalDate stationingEnd) implements InspectionEvent {

    public static final String TYPE = "xunshi.inspection.InspectionOpened";
    public static final int VERSION = 1;
}
