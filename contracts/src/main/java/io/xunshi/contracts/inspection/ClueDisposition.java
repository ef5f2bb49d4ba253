package io.xunshi.contracts.inspection;

/**
 * How the receiver disposed of a problem clue: a talk or letter inquiry (谈话函询), a preliminary check (初步核实), a
 * case opened (立案审查调查), organisational handling (组织处理), or no further action (予以了结).
 */
public enum ClueDisposition {
    TALK_OR_LETTER_INQUIRY, PRELIMINARY_CHECK, CASE_OPENED, ORGANISATIONAL_HANDLING, NO_FURTHER_ACTION
}
