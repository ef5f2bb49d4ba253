package io.xunshi.contracts.rectification;

/** The inspection office's judgement of a rectification (整改评估). */
public enum EvaluationOutcome {
    /** The rectification is real and complete: the organisation counts as effectively covered. */
    EFFECTIVE,
    /** Perfunctory, incomplete or false: a candidate for accountability and a look-back round. */
    NOT_EFFECTIVE
}
