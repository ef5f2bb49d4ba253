package io.xunshi.inspection.api;

import java.util.List;

import io.xunshi.contracts.inspection.FocusArea;
import io.xunshi.contracts.inspection.Severity;
import io.xunshi.inspection.domain.Inspection;

/** One finding of an inspection. */
public record FindingView(String findingId, FocusArea focusArea, String description, Severity severity,
        boolean involvesTopLeader, boolean involvesLeadershipTeam, boolean common, boolean deepLevel,
        List<String> evidence) {

    static FindingView of(Inspection.Finding f) {
        return new FindingView(f.findingId(), f.focusArea(), f.description(), f.severity(), f.involvesTopLeader(),
                f.involvesLeadershipTeam(), f.common(), f.deepLevel(), f.evidence());
    }
}
