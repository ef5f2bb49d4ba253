package io.xunshi.contracts.rectification;

/** Who takes part in a rectification consultation (整改会商). */
public enum ConsultationParty {
    /** The inspection office (巡视巡察办), which convenes it. */
    INSPECTION_OFFICE,
    /** The inspection team that inspected the organisation. */
    INSPECTION_TEAM,
    /** The discipline inspection and supervision organ. */
    DISCIPLINE_ORGAN,
    /** The organisation department. */
    ORGANISATION_DEPARTMENT,
    /** The rectifying organisation. */
    RECTIFYING_ORGANISATION,
    /** A functional department responsible for the sector (职能部门). */
    FUNCTIONAL_DEPARTMENT
}
