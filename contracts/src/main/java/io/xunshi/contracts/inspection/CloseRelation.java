package io.xunshi.contracts.inspection;

/**
 * The kinds of close relation a cadre declares for recusal (回避): only the kind and the organisation are
 * recorded, never who the relative is.
 */
public enum CloseRelation {
    /** 夫妻关系. */
    SPOUSE,
    /** 直系血亲: parents, children, grandparents, grandchildren. */
    LINEAL_RELATIVE,
    /** 三代以内旁系血亲: siblings, cousins, uncles, aunts, nephews, nieces. */
    COLLATERAL_RELATIVE,
    /** 近姻亲: in-laws. */
    RELATIVE_BY_MARRIAGE,
    /** Any other relation the cadre declares as close (e.g. a former superior or a close associate). */
    OTHER
}
