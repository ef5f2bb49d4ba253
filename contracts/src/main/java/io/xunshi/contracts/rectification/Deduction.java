package io.xunshi.contracts.rectification;

/**
 * Points deducted on one criterion of the level's evaluation model.
 *
 * @param criterion the criterion's code in the model
 * @param points how many points, at least 1 and at most the criterion's weight
 * @param reason why
 */
public record Deduction(String criterion, int points, String reason) {
}
