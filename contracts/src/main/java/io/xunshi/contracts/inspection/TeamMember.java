package io.xunshi.contracts.inspection;

/**
 * One person of a team: the cadre, their name in their official role, the account they sign in with (the
 * token's subject), and their place in the team.
 *
 * @param cadreId the cadre in the pool
 * @param name the cadre's name
 * @param account the identity provider's subject of the cadre's sign-in
 * @param position leader, deputy leader or member
 */
public record TeamMember(String cadreId, String name, String account, TeamPosition position) {
}
