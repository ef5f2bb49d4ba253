package io.xunshi.contracts.inspection;

import java.time.LocalDate;
import java.util.List;

/**
 * An inspection handed a problem clue over to the receiver its category names (Art. 28), who is to report back its
 * disposition by {@code dueOn} (three months by default, configured per level; Art. 29).
 *
 * @param clueId stable id of the clue
 * @param inspectionId the inspection that found it
 * @param roundId the inspection's round
 * @param team the inspection's team
 * @param jurisdiction the jurisdiction running the inspection
 * @param organisationId the inspected organisation
 * @param category what it is about
 * @param receiver who receives it, as the category decides
 * @param receiverUnit the receiving unit by name (the discipline organ's office, the department, the unit)
 * @param summary what the clue is, about officials in their office
 * @param concerns whom it concerns, named in their office (not personal data)
 * @param petitionIds the petitions it rests on, if any
 * @param handedOverOn the day of the handover
 * @param dueOn the day the disposition is due
 */
public record ClueHandedOver(String clueId, String inspectionId, String roundId, String team, String jurisdiction,
        String organisationId, ClueCategory category, ClueReceiver receiver, String receiverUnit, String summary,
        String concerns, List<String> petitionIds, LocalDate handedOverOn, LocalDate dueOn) implements ClueEvent {

    public static final String TYPE = "xunshi.inspection.ClueHandedOver";
    public static final int VERSION = 1;
}
