package io.xunshi.contracts.inspection;

import java.time.LocalDate;

/**
 * The team received a petition during its stationing.
 *
 * @param petitionId stable id of the petition
 * @param inspectionId the inspection whose team received it
 * @param roundId the inspection's round
 * @param team the inspection's team
 * @param jurisdiction the jurisdiction running the inspection
 * @param organisationId the inspected organisation
 * @param channel how it reached the team
 * @param receivedOn the day it was received
 * @param summary what it reports, as the team records it: about officials in their office, never naming the
 *        reporter
 * @param concerns whom it concerns, named in their office (not personal data); null when it names nobody
 * @param reporter the reporter's name and contact, sealed under a subject key of the reporter's own (personal
 *        data); null for an anonymous petition
 */
public record PetitionReceived(String petitionId, String inspectionId, String roundId, String team,
        String jurisdiction, String organisationId, PetitionChannel channel, LocalDate receivedOn, String summary,
        String concerns, Informant reporter) implements PetitionEvent {

    public static final String TYPE = "xunshi.inspection.PetitionReceived";
    public static final int VERSION = 1;
}
