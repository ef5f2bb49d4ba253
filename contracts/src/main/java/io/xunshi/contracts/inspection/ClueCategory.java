package io.xunshi.contracts.inspection;

/**
 * What a problem clue is about, which decides who receives it (Art. 28): suspected violations of discipline and law
 * and the conduct problems of leading cadres go to the discipline-inspection organ; democratic centralism and the
 * selection and appointment of cadres to the organisation department; anything else to the relevant unit.
 */
public enum ClueCategory {

    DISCIPLINE_VIOLATION(ClueReceiver.DISCIPLINE_ORGAN), LEADER_CONDUCT(
            ClueReceiver.DISCIPLINE_ORGAN), DEMOCRATIC_CENTRALISM(
                    ClueReceiver.ORGANISATION_DEPARTMENT), CADRE_SELECTION(
                            ClueReceiver.ORGANISATION_DEPARTMENT), OTHER(ClueReceiver.RELEVANT_UNIT);

    private final ClueReceiver receiver;

    ClueCategory(ClueReceiver receiver) {
        this.receiver = receiver;
    }

    /** Who receives a clue of this category. */
    public ClueReceiver receiver() {
        return receiver;
    }
}
