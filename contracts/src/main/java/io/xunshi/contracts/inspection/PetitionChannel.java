package io.xunshi.contracts.inspection;

/** How a petition reached the team: a letter, a telephone call, a visit in person, or online. */
public enum PetitionChannel {
    LETTER, PHONE, VISIT, ONLINE
}
