package io.xunshi.contracts.inspection;

/**
 * A way the public reaches the stationed team, published at the stationing: the team's own, official channels.
 *
 * @param kind what kind of channel
 * @param value the number, address or mailbox
 * @param hours when it is attended, if stated (e.g. 每日 8:00–20:00), or null
 */
public record ContactChannel(ContactChannelKind kind, String value, String hours) {
}
