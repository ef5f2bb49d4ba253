package io.xunshi.contracts.inspection;

/** The three checks a team leader passes before leading (政治关、廉洁关、作风关). */
public enum VettingCheck {
    /** 政治关. */
    POLITICAL,
    /** 廉洁关. */
    INTEGRITY,
    /** 作风关. */
    CONDUCT
}
