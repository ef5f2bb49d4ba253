package io.xunshi.contracts.inspection;

/**
 * Whom a petition concerns, which decides what becomes of it: the leadership team, one of its members or an official
 * in a key post are within the inspection's scope (material for findings and problem clues); anything else is out of
 * scope and is transferred to the department it belongs to (转交).
 */
public enum PetitionScope {

    LEADERSHIP_TEAM, LEADERSHIP_MEMBER, KEY_POST_OFFICIAL, OUT_OF_SCOPE;

    public boolean inScope() {
        return this != OUT_OF_SCOPE;
    }
}
