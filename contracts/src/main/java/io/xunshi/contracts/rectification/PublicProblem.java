package io.xunshi.contracts.rectification;

import io.xunshi.contracts.inspection.FocusArea;

/**
 * One problem as the public view discloses it: its focus area and description, without who owns it.
 *
 * @param focusArea the focus area
 * @param description the problem as fed back
 * @param rectified whether every task on it is closed
 */
public record PublicProblem(FocusArea focusArea, String description, boolean rectified) {
}
