package io.xunshi.contracts.rectification;

/** How someone is held to account, as the accountability rules name the measures for leaders (问责方式). */
public enum AccountabilityMeasure {
    /** 检查: a written self-examination. */
    SELF_EXAMINATION,
    /** 通报: a circulated criticism. */
    CIRCULATED,
    /** 诫勉: admonishment. */
    ADMONISHED,
    /** 组织调整或者组织处理. */
    ORGANISATIONAL_ACTION,
    /** 纪律处分, decided by the discipline organ. */
    DISCIPLINARY_ACTION
}
