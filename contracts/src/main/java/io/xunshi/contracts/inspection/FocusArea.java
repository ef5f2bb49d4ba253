package io.xunshi.contracts.inspection;

/** The four focus areas of inspection (重点检查4个方面); every finding belongs to one. */
public enum FocusArea {
    /** Implementing the party's line, policies and major decisions. */
    PARTY_LINE,
    /** Primary and supervisory responsibility for strict governance, above all of the top leader and the leadership team. */
    GOVERNANCE_RESPONSIBILITY,
    /** Leadership-team and cadre building, selection and appointment, party building. */
    ORGANISATIONAL_LINE,
    /** Carrying out earlier rectification and using its results. */
    RECTIFICATION
}
