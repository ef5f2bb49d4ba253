package io.xunshi.planning.application;

import java.time.LocalDate;
import java.util.List;

/**
 * Formal (有形覆盖: feedback given) and effective (有效覆盖: rectification evaluated effective) coverage of
 * a plan's universe.
 */
public record CoverageView(String planId, String jurisdiction, int universe, Measure formal, Measure effective,
        List<Uncovered> uncovered, List<Target> targets) {

    /** How many organisations of the universe are covered, and which share of it (0 to 1, four decimals). */
    public record Measure(int covered, double ratio) {
    }

    public record Uncovered(String organisationId, String name) {
    }

    /**
     * One organisation of the universe.
     *
     * @param inspectionId the latest inspection of it under this plan whose feedback was given, or null
     * @param givenOn the day that feedback was given, or null
     * @param evaluation the outcome of the latest evaluation of its rectification under this plan
     *        ({@code EFFECTIVE}, {@code NOT_EFFECTIVE}), or null
     */
    public record Target(String organisationId, String name, String inspectionId, LocalDate givenOn,
            boolean formallyCovered, boolean effectivelyCovered, String evaluation) {
    }
}
