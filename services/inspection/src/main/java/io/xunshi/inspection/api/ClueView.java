package io.xunshi.inspection.api;

import java.time.LocalDate;
import java.util.List;

import io.xunshi.contracts.inspection.ClueCategory;
import io.xunshi.contracts.inspection.ClueDisposition;
import io.xunshi.contracts.inspection.ClueReceiver;
import io.xunshi.inspection.domain.Clue;
import io.xunshi.kernel.aggregate.AggregateRepository;
import io.xunshi.kernel.api.Days;

/** A problem clue as the API shows it, from its events; {@code version} is also its ETag. */
public record ClueView(String clueId, String inspectionId, String jurisdiction, String organisationId,
        ClueCategory category, ClueReceiver receiver, String receiverUnit, String summary, String concerns,
        List<String> petitionIds, LocalDate handedOverOn, LocalDate dueOn, Clue.ClueStatus status,
        LocalDate acknowledgedOn, ClueDisposition disposition, String dispositionSummary, LocalDate disposedOn,
        boolean late, boolean overdue, int version) {

    static ClueView of(AggregateRepository.Loaded<Clue.State> loaded) {
        Clue.State s = loaded.state();
        return new ClueView(s.clueId(), s.inspectionId(), s.jurisdiction(), s.organisationId(), s.category(),
                s.receiver(), s.receiverUnit(), s.summary(), s.concerns(), s.petitionIds(), s.handedOverOn(), s.dueOn(),
                s.status(), s.acknowledgedOn(), s.disposition(), s.dispositionSummary(), s.disposedOn(), s.late(),
                s.overdue(Days.orToday(null)), loaded.version());
    }
}
