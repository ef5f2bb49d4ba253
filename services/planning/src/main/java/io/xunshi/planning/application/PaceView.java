package io.xunshi.planning.application;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.xunshi.contracts.coordination.OrganisationKind;
import io.xunshi.planning.domain.Pace;

/**
 * A plan's pace towards full coverage on {@code asOf}: what is covered and remains, the rounds launched, the
 * organisations each covered on average, the rounds still needed at that pace and those the level can still run,
 * and whether full coverage is reachable; the same per sector block against its cycle; the organisations not
 * inspected for the alert's years; and the alerts these raise ({@code coverage-out-of-pace},
 * {@code block-out-of-pace:<kind>}, {@code not-inspected-for-years}).
 */
@Schema(name = "PaceView")
public record PaceView(String planId, String jurisdiction, int termStart, int termEnd, LocalDate asOf, int universe,
        int covered, int remaining, int roundsLaunched,
        @Schema(description = "Organisations covered per launched round so far; null before the first") Double perRound,
        @Schema(description = "Rounds still needed at that pace; null before the first round") Integer roundsNeeded,
        @Schema(description = "Rounds the level can still run in the term at its configured rate") int roundsLeft,
        @Schema(description = "Null while there is no pace to judge by") Boolean reachable, List<Block> blocks,
        List<NotInspected> notInspected, List<String> alerts) {

    /** A sector block: the organisations of one kind, due to be covered by the end of {@code dueBy}. */
    @Schema(name = "PaceBlock")
    public record Block(OrganisationKind kind, int universe, int covered, int remaining, int dueBy,
            Integer roundsNeeded, int roundsLeft, Boolean reachable) {
    }

    /** An organisation not inspected for the alert's years; {@code lastInspectedOn} null: never on record. */
    @Schema(name = "NotInspected")
    public record NotInspected(String organisationId, String name, LocalDate lastInspectedOn) {
    }

    static PaceView of(String planId, String jurisdiction, int termStart, int termEnd, LocalDate asOf, Pace.Result r) {
        return new PaceView(planId, jurisdiction, termStart, termEnd, asOf, r.universe(), r.covered(), r.remaining(),
                r.roundsLaunched(), r.perRound(), r.roundsNeeded(), r.roundsLeft(), r.reachable(),
                r.blocks().stream().map(b -> new Block(b.kind(), b.universe(), b.covered(), b.remaining(), b.dueBy(),
                        b.roundsNeeded(), b.roundsLeft(), b.reachable())).toList(),
                r.overdue().stream().map(o -> new NotInspected(o.organisationId(), o.name(), o.lastInspectedOn()))
                        .toList(),
                r.alerts());
    }
}
