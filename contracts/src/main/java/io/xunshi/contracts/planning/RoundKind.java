package io.xunshi.contracts.planning;

/** The kinds of inspection round (轮次). */
public enum RoundKind {
    /** 常规: the regular rounds that work through a plan's universe. */
    REGULAR,
    /** 专项: thematic, on one sector or issue. */
    SPECIAL,
    /** 联动: coordinated with rounds of lower levels. */
    LINKED,
    /** 机动: short and flexible. */
    MOBILE,
    /** 提级: a higher level inspects an organisation normally covered by a lower one. */
    ELEVATED,
    /** 整改"回头看": revisits an organisation's rectification. */
    LOOK_BACK
}
