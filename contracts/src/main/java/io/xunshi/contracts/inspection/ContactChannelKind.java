package io.xunshi.contracts.inspection;

/** The channels a stationed team publishes for petitions (信访). */
public enum ContactChannelKind {
    /** 专门值班电话. */
    PHONE,
    /** 专门邮政信箱. */
    POSTAL_BOX,
    /** 意见箱 at the organisation. */
    SUGGESTION_BOX,
    /** 电子邮箱. */
    EMAIL,
    /** An online reporting page. */
    ONLINE,
    /** Where visitors are received in person. */
    VISITS
}
