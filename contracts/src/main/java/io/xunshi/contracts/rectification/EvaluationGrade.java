package io.xunshi.contracts.rectification;

/**
 * The grade of a scored evaluation (整改评估等次), from the score and the level's thresholds; the level's model says
 * which grades are effective.
 */
public enum EvaluationGrade {
    /** 好. */
    EXCELLENT,
    /** 较好. */
    GOOD,
    /** 一般. */
    FAIR,
    /** 差. */
    POOR
}
