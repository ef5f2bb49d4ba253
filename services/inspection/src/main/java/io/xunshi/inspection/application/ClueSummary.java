package io.xunshi.inspection.application;

import java.time.LocalDate;

import io.xunshi.contracts.inspection.ClueCategory;
import io.xunshi.contracts.inspection.ClueDisposition;
import io.xunshi.contracts.inspection.ClueReceiver;
import io.xunshi.inspection.domain.Clue;

/** One problem clue as lists show it, with whether it is overdue today. */
public record ClueSummary(String clueId, String inspectionId, String jurisdiction, String organisationId,
        ClueCategory category, ClueReceiver receiver, String receiverUnit, String summary, LocalDate handedOverOn,
        LocalDate dueOn, Clue.ClueStatus status, LocalDate acknowledgedOn, ClueDisposition disposition,
        LocalDate disposedOn, Boolean late, boolean overdue, int version) {
}
