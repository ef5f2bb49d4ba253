package io.xunshi.inspection.application;

import java.time.LocalDate;

import io.xunshi.contracts.planning.RoundKind;
import io.xunshi.inspection.domain.Inspection;

/**
 * An inspection as lists show it, from the read model; {@code findings} is how many were recorded and
 * {@code version} the inspection's version (its ETag) when the read model last caught up.
 */
public record InspectionSummary(String inspectionId, String roundId, String planId, String jurisdiction,
        RoundKind roundKind, String team, String organisationId, String organisationName,
        String organisationJurisdiction, String organisationLocation, LocalDate stationingStart,
        LocalDate stationingEnd, Inspection.Status status, int findings, int version) {
}
