package io.xunshi.kernel.security;

/**
 * The roles a caller's token can carry (in its {@code groups} claim). Every role acts only inside the
 * caller's home jurisdiction's subtree.
 */
public final class Role {

    /** The inspection office (巡视办 / 巡察办) of a level: plans, launches rounds, evaluates rectification. */
    public static final String INSPECTION_OFFICE = "inspection-office";
    /** An inspection team's leader (组长). */
    public static final String TEAM_LEADER = "team-leader";
    /** An inspection team's member. */
    public static final String TEAM_MEMBER = "team-member";
    /** The inspected organisation, owner of its rectification. */
    public static final String RECTIFICATION_OWNER = "rectification-owner";
    /** Liaison of the discipline inspection and supervision organ (纪检监察机关). */
    public static final String DISCIPLINE_LIAISON = "discipline-liaison";
    /** Liaison of the organisation department (组织部门). */
    public static final String ORGANISATION_LIAISON = "organisation-liaison";
    /**
     * Opens the sealed identity of a petition's reporter, each opening recorded with who, when and why before it is
     * answered (docs/adr/0025-petitions-and-the-reporters-identity.md); holds no other right with it.
     */
    public static final String IDENTITY_READER = "identity-reader";
    /**
     * The inspection office's officer for problem clues (线索管理), which are confidential: hands them over, reads them,
     * records what a relevant unit reports back (docs/adr/0026-problem-clues.md).
     */
    public static final String CLUE_OFFICER = "clue-officer";
    /** Reads everything in its scope, writes nothing. */
    public static final String AUDITOR = "auditor";
    /**
     * Runs the platform rather than the inspection work: reads and re-drives dead letters, rebuilds
     * projections, inside its jurisdiction's subtree like everyone else.
     */
    public static final String OPERATOR = "operator";
    /** The public: disclosed data only. */
    public static final String PUBLIC = "public";

    public static final java.util.List<String> ALL = java.util.List.of(INSPECTION_OFFICE, TEAM_LEADER, TEAM_MEMBER,
            RECTIFICATION_OWNER, DISCIPLINE_LIAISON, ORGANISATION_LIAISON, IDENTITY_READER, CLUE_OFFICER, AUDITOR,
            OPERATOR,
            PUBLIC);

    private Role() {
    }
}
