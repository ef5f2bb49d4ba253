package io.xunshi.contracts.planning;

/**
 * One pairing of a round: a team and the organisation it inspects.
 *
 * @param team the team's name, e.g. 中央第一巡视组
 * @param organisationId the target organisation's id (from {@code OrganisationRegistered})
 * @param organisationName its name when the round was scheduled
 * @param organisationJurisdiction the jurisdiction that manages it
 * @param organisationLocation the jurisdiction where it is located (its rectification is run from there)
 * @param coveredPlanId in an ELEVATED round, the lower level's plan whose universe holds the organisation, for
 *        whose coverage the inspection counts too; null otherwise, or when no such plan is issued
 */
public record Assignment(String team, String organisationId, String organisationName,
        String organisationJurisdiction, String organisationLocation, String coveredPlanId) {
}
