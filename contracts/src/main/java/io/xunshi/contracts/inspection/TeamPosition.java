package io.xunshi.contracts.inspection;

/** A person's place in an inspection team. */
public enum TeamPosition {
    /** 组长: authorised for one round at a time (一次一授权). */
    LEADER,
    /** 副组长. */
    DEPUTY_LEADER,
    /** 组员. */
    MEMBER
}
