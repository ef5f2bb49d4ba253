package io.xunshi.contracts.rectification;

/**
 * How a rectification task is to be done: fixed now (立行立改), fixed by a deadline (限期整改) — both with a due date —
 * or kept up for the long term (长期坚持), with no due date and progress reported on a period after the report.
 */
public enum TaskTier {

    IMMEDIATE, DEADLINE, LONG_TERM;

    /** Whether a task of this tier has a due date. */
    public boolean hasDueDate() {
        return this != LONG_TERM;
    }
}
