package io.xunshi.inspection.api;

import java.util.List;

import io.xunshi.contracts.inspection.FocusArea;
import io.xunshi.contracts.inspection.Severity;
import io.xunshi.inspection.domain.Inspection;
import io.xunshi.kernel.aggregate.AggregateRepository;

/**
 * One finding with the inspection it belongs to and that inspection's version (its ETag), as recording and
 * reading a finding answer.
 */
public record RecordedFinding(String inspectionId, String findingId, FocusArea focusArea, String description,
        Severity severity, boolean involvesTopLeader, boolean involvesLeadershipTeam, boolean common,
        boolean deepLevel, List<String> evidence, int version) {

    static RecordedFinding of(AggregateRepository.Loaded<Inspection.State> loaded, Inspection.Finding f) {
        return new RecordedFinding(loaded.state().inspectionId(), f.findingId(), f.focusArea(), f.description(),
                f.severity(), f.involvesTopLeader(), f.involvesLeadershipTeam(), f.common(), f.deepLevel(),
                f.evidence(), loaded.version());
    }

    /** The finding {@code findingId} of the inspection, or null when it has none of that id. */
    static Inspection.Finding find(Inspection.State state, String findingId) {
        return state.findings().stream().filter(f -> f.findingId().equals(findingId)).findFirst().orElse(null);
    }
}
