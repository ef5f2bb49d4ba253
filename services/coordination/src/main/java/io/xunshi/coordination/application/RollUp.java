package io.xunshi.coordination.application;

import java.util.List;

/**
 * Inspection and rectification counts across a jurisdiction's subtree, counted by the inspecting
 * jurisdiction (the level that ran the inspection and supervises the case), with the same counts for each
 * direct child that has any.
 */
public record RollUp(String code, String name, Inspections inspections, Rectifications rectifications,
        List<Child> children) {

    /** Inspections opened, still open, and closed. */
    public record Inspections(long total, long open, long closed) {

        static final Inspections NONE = new Inspections(0, 0, 0);

        Inspections plus(Inspections other) {
            return new Inspections(total + other.total, open + other.open, closed + other.closed);
        }
    }

    /** Rectification cases by state: awaiting the report, awaiting evaluation, evaluated (effective or not). */
    public record Rectifications(long total, long awaitingReport, long awaitingEvaluation, long effective,
            long notEffective) {

        static final Rectifications NONE = new Rectifications(0, 0, 0, 0, 0);

        Rectifications plus(Rectifications o) {
            return new Rectifications(total + o.total, awaitingReport + o.awaitingReport,
                    awaitingEvaluation + o.awaitingEvaluation, effective + o.effective, notEffective + o.notEffective);
        }
    }

    /** A direct child's counts across its own subtree. */
    public record Child(String code, String name, Inspections inspections, Rectifications rectifications) {
    }
}
