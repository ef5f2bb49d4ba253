package io.xunshi.planning.application;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.xunshi.contracts.planning.UniverseChange;

/**
 * A work plan as the API shows it, its universe as revised; {@code version} is also its ETag. {@code revisions}: every
 * revision of the term, in order.
 */
public record PlanView(String id, String jurisdiction, String title, int termStart, int termEnd, String parentPlanId,
        int universeSize, List<String> universe, int version, List<Revision> revisions) {

    /** One revision (修订): who joined and who left the universe, and why. */
    @Schema(name = "PlanRevision")
    public record Revision(int revision, LocalDate revisedOn, List<UniverseChange> joined, List<UniverseChange> left) {
    }
}
