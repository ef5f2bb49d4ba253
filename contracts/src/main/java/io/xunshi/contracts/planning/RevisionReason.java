package io.xunshi.contracts.planning;

/** Why an organisation joins or leaves a plan's universe during the term (规划修订). */
public enum RevisionReason {

    /** Joins: a unit set up during the term (新设单位). */
    NEW_UNIT,
    /** Leaves: merged into another organisation (合并). */
    MERGED,
    /** Leaves: dissolved (撤销). */
    DISSOLVED,
    /** Joins or leaves: its management moved to or from another level (隶属关系调整). */
    MOVED_LEVEL,
    /** Joins or leaves for another reason, stated in the note. */
    OTHER;

    /** Whether an organisation may join the universe for this reason. */
    public boolean joins() {
        return this == NEW_UNIT || this == MOVED_LEVEL || this == OTHER;
    }

    /** Whether an organisation may leave the universe for this reason. */
    public boolean leaves() {
        return this != NEW_UNIT;
    }
}
