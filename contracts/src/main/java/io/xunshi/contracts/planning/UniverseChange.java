package io.xunshi.contracts.planning;

/**
 * One organisation joining or leaving a plan's universe, and why.
 *
 * @param organisationId the organisation
 * @param reason why it joins or leaves
 * @param note what happened, e.g. the organisation it merged into
 */
public record UniverseChange(String organisationId, RevisionReason reason, String note) {
}
