package io.xunshi.inspection.application;

import java.util.List;

/**
 * A team suggested for an inspection: a query, not a decision. {@code leader} is the vetted cadre, leading no other
 * team, who matches the wanted expertise best (null when the pool has none); {@code members} the next best, up to
 * the size asked; {@code excluded} who would have been suggested but recusal keeps out, with the rule.
 */
public record TeamSuggestion(String inspectionId, List<String> expertise, CadreSummary leader,
        List<CadreSummary> members, List<Excluded> excluded) {

    /** A cadre recusal keeps out of this inspection. */
    public record Excluded(String cadreId, String name, String rule, String reason) {
    }
}
