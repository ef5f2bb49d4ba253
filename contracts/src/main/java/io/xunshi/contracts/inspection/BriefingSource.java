package io.xunshi.contracts.inspection;

/** The departments that brief a team before it is stationed (Regulation Art. 21). */
public enum BriefingSource {
    /** 纪检监察机关. */
    DISCIPLINE,
    /** 政法机关. */
    POLITICAL_LEGAL,
    /** 组织部门. */
    ORGANISATION,
    /** 审计机关. */
    AUDIT,
    /** 信访部门. */
    PETITION,
    /** Any other department with something to say about the organisation. */
    OTHER
}
