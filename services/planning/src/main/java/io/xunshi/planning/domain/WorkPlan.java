package io.xunshi.planning.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import io.xunshi.contracts.planning.WorkPlanIssued;
import io.xunshi.kernel.domain.DomainRejection;
import io.xunshi.kernel.domain.ExhaustiveDecider;
import io.xunshi.kernel.domain.InvalidCommand;
import io.xunshi.kernel.domain.Jurisdictions;

/**
 * A level's inspection work plan (巡视工作规划) for one term of office, with the universe of organisations it
 * must cover. It is issued once and does not change afterwards.
 *
 * <p>The command carries the facts the rules need, looked up by the application beforehand: the parent plan
 * as the register knows it, the plan of the same jurisdiction whose term overlaps, and which jurisdiction
 * manages each organisation named.
 */
public final class WorkPlan extends ExhaustiveDecider<WorkPlan.Command, WorkPlanIssued, WorkPlan.State> {

    /** A term of office is five years; a plan may not cover more. */
    public static final int MAX_TERM_YEARS = 5;

    /** Codes of the rejections: illegal states (409) and invalid commands (422, with the request field). */
    public static final String ALREADY_ISSUED = "plan-already-issued";
    public static final String ALREADY_ISSUED_FOR_TERM = "plan-already-issued-for-term";
    public static final String TERM_REVERSED = "term-reversed";
    public static final String TERM_TOO_LONG = "term-too-long";
    public static final String CENTRE_PLAN_HAS_NO_PARENT = "centre-plan-has-no-parent";
    public static final String PARENT_PLAN_REQUIRED = "parent-plan-required";
    public static final String PARENT_PLAN_UNKNOWN = "parent-plan-unknown";
    public static final String PARENT_PLAN_NOT_AN_ANCESTOR = "parent-plan-not-an-ancestor";
    public static final String TERM_OUTSIDE_PARENT = "term-outside-parent";
    public static final String UNIVERSE_EMPTY = "universe-empty";
    public static final String UNIVERSE_FOREIGN = "universe-foreign-organisations";

    public sealed interface Command permits Issue {
    }

    /** The parent plan as the plan register knows it. */
    public record ParentPlan(String planId, String jurisdiction, int termStart, int termEnd) {
    }

    /**
     * @param parentPlanId the parent plan the request names, or null
     * @param parent that plan as the register knows it; null when it names none or an unknown one
     * @param overlappingPlanId a plan of the same jurisdiction whose term overlaps this one's, or null
     * @param requestedUniverse the organisation ids the request names, or null to take every organisation
     *        the jurisdiction manages
     * @param managers the managing jurisdiction of each requested id that the organisations view knows
     * @param managed every organisation the jurisdiction manages, in a stable order
     */
    public record Issue(String planId, String jurisdiction, String title, int termStart, int termEnd,
            String parentPlanId, ParentPlan parent, String overlappingPlanId, List<String> requestedUniverse,
            Map<String, String> managers, List<String> managed) implements Command {
    }

    public record State(String planId, String jurisdiction, String title, int termStart, int termEnd,
            String parentPlanId, List<String> universe) {

        /** Before the plan is issued. */
        static final State NONE = new State(null, null, null, 0, 0, null, List.of());

        static State from(WorkPlanIssued e) {
            return new State(e.planId(), e.jurisdiction(), e.title(), e.termStart(), e.termEnd(), e.parentPlanId(),
                    e.universe() == null ? List.of() : List.copyOf(e.universe()));
        }

        public boolean issued() {
            return planId != null;
        }
    }

    public WorkPlan() {
        super(rules(Command.class, WorkPlanIssued.class, State.NONE)
                .decide(Issue.class, WorkPlan::issue)
                .evolve(WorkPlanIssued.class, (state, issued) -> State.from(issued)));
    }

    private static List<WorkPlanIssued> issue(Issue issue, State state) {
        if (state.issued()) {
            throw new DomainRejection(ALREADY_ISSUED, "plan " + state.planId() + " is already issued");
        }
        checkTerm(issue);
        checkParent(issue);
        if (issue.overlappingPlanId() != null) {
            throw new DomainRejection(ALREADY_ISSUED_FOR_TERM, "jurisdiction " + issue.jurisdiction()
                    + " already has a plan for a term overlapping " + issue.termStart() + "–" + issue.termEnd()
                    + ": " + issue.overlappingPlanId());
        }
        List<String> universe = universe(issue);
        return List.of(new WorkPlanIssued(issue.planId(), issue.jurisdiction(), issue.title().strip(),
                issue.termStart(), issue.termEnd(), issue.parent() == null ? null : issue.parent().planId(),
                universe));
    }

    private static void checkTerm(Issue issue) {
        if (issue.termEnd() < issue.termStart()) {
            throw new InvalidCommand(TERM_REVERSED, "termEnd", "the term ends (" + issue.termEnd()
                    + ") before it starts (" + issue.termStart() + ")");
        }
        int years = issue.termEnd() - issue.termStart() + 1;
        if (years > MAX_TERM_YEARS) {
            throw new InvalidCommand(TERM_TOO_LONG, "termEnd", "a plan covers one term of office, at most "
                    + MAX_TERM_YEARS + " years; " + issue.termStart() + "–" + issue.termEnd() + " is " + years);
        }
    }

    /**
     * The Centre's plan has no parent; every other plan names an issued plan of a proper ancestor
     * jurisdiction whose term overlaps its own (terms of office of different levels are not aligned).
     */
    private static void checkParent(Issue issue) {
        boolean centre = Jurisdictions.CENTRE.equals(issue.jurisdiction());
        if (centre) {
            if (issue.parentPlanId() != null) {
                throw new InvalidCommand(CENTRE_PLAN_HAS_NO_PARENT, "parentPlanId",
                        "the Centre's plan is the root of all plans and names no parent plan");
            }
            return;
        }
        if (issue.parentPlanId() == null) {
            throw new InvalidCommand(PARENT_PLAN_REQUIRED, "parentPlanId", "a plan of jurisdiction "
                    + issue.jurisdiction() + " must name the higher level's plan it is issued according to");
        }
        ParentPlan parent = issue.parent();
        if (parent == null) {
            throw new InvalidCommand(PARENT_PLAN_UNKNOWN, "parentPlanId", "no plan " + issue.parentPlanId()
                    + " has been issued");
        }
        if (parent.jurisdiction().equals(issue.jurisdiction())
                || !Jurisdictions.contains(parent.jurisdiction(), issue.jurisdiction())) {
            throw new InvalidCommand(PARENT_PLAN_NOT_AN_ANCESTOR, "parentPlanId", "plan " + parent.planId()
                    + " is jurisdiction " + parent.jurisdiction() + "'s, which is not above " + issue.jurisdiction());
        }
        if (issue.termEnd() < parent.termStart() || issue.termStart() > parent.termEnd()) {
            throw new InvalidCommand(TERM_OUTSIDE_PARENT, "termStart", "the term " + issue.termStart() + "–"
                    + issue.termEnd() + " does not overlap the parent plan's term " + parent.termStart() + "–"
                    + parent.termEnd());
        }
    }

    private static List<String> universe(Issue issue) {
        if (issue.requestedUniverse() == null) {
            if (issue.managed().isEmpty()) {
                throw new InvalidCommand(UNIVERSE_EMPTY, "universe", "no organisation is known to be managed by"
                        + " jurisdiction " + issue.jurisdiction() + "; a plan needs a universe to cover");
            }
            return List.copyOf(issue.managed());
        }
        List<String> universe = List.copyOf(new LinkedHashSet<>(issue.requestedUniverse()));
        if (universe.isEmpty()) {
            throw new InvalidCommand(UNIVERSE_EMPTY, "universe", "the universe names no organisation; leave it"
                    + " out to take every organisation jurisdiction " + issue.jurisdiction() + " manages");
        }
        List<String> foreign = new ArrayList<>();
        for (String id : universe) {
            if (!issue.jurisdiction().equals(issue.managers().get(id))) {
                foreign.add(id);
            }
        }
        if (!foreign.isEmpty()) {
            throw new InvalidCommand(UNIVERSE_FOREIGN, "universe", "not organisations managed by"
                    + " jurisdiction " + issue.jurisdiction() + ": " + String.join(", ", foreign), foreign);
        }
        return universe;
    }
}
