package io.xunshi.contracts.rectification;

/**
 * One person held to account, named in office (not personal data: docs/adr/0020-personal-data.md).
 *
 * @param name who, as the case names them
 * @param post their post
 * @param measure the measure proposed to the discipline organ
 */
public record HeldToAccount(String name, String post, AccountabilityMeasure measure) {
}
