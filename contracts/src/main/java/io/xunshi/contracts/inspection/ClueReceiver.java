package io.xunshi.contracts.inspection;

/** Who a problem clue is handed over to. */
public enum ClueReceiver {
    DISCIPLINE_ORGAN, ORGANISATION_DEPARTMENT, RELEVANT_UNIT
}
