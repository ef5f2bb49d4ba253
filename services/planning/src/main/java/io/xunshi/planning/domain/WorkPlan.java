package io.xunshi.planning.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.xunshi.contracts.planning.PlanningEvent;
import io.xunshi.contracts.planning.RoundFiled;
import io.xunshi.contracts.planning.RoundLaunched;
import io.xunshi.contracts.planning.RoundScheduled;
import io.xunshi.contracts.planning.UniverseChange;
import io.xunshi.contracts.planning.WorkPlanIssued;
import io.xunshi.contracts.planning.WorkPlanRevised;
import io.xunshi.kernel.domain.DomainRejection;
import io.xunshi.kernel.domain.ExhaustiveDecider;
import io.xunshi.kernel.domain.InvalidCommand;
import io.xunshi.kernel.domain.Jurisdictions;

/**
 * A level's inspection work plan (巡视工作规划) for one term of office, with the universe of organisations it
 * must cover. It is issued once; during the term it is revised (修订) as organisations are set up, merged,
 * dissolved or move between levels (docs/adr/0031).
 *
 * <p>The command carries the facts the rules need, looked up by the application beforehand: the parent plan
 * as the register knows it, the plan of the same jurisdiction whose term overlaps, and which jurisdiction
 * manages each organisation named.
 */
public final class WorkPlan extends ExhaustiveDecider<WorkPlan.Command, PlanningEvent, WorkPlan.State> {

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
    /** 404: a revision of a plan not issued. */
    public static final String NOT_ISSUED = "plan-not-issued";
    /** 422: a revision names no organisation. */
    public static final String REVISION_EMPTY = "revision-empty";
    /** 422 on revisedOn: revisions follow one another in time. */
    public static final String REVISION_BEFORE_LAST = "revision-before-last";
    /** 422 on revisedOn: a plan is revised during its term. */
    public static final String REVISION_OUTSIDE_TERM = "revision-outside-term";
    /** 422: one organisation named twice in a revision. */
    public static final String REVISED_TWICE = "organisation-revised-twice";
    /** 422 on joined: an organisation already in the universe. */
    public static final String ALREADY_IN_UNIVERSE = "already-in-universe";
    /** 422 on left: an organisation not in the universe. */
    public static final String NOT_IN_UNIVERSE = "not-in-universe";
    /** 422 on joined: a reason for leaving given for joining (MERGED, DISSOLVED). */
    public static final String REASON_NOT_FOR_JOINING = "reason-not-for-joining";
    /** 422 on left: a reason for joining given for leaving (NEW_UNIT). */
    public static final String REASON_NOT_FOR_LEAVING = "reason-not-for-leaving";

    public sealed interface Command permits Issue, Revise {
    }

    /**
     * A revision during the term (修订): organisations join (managed by the plan's jurisdiction, {@code managers} as
     * the organisations view knows them) or leave the universe, each with its reason.
     */
    public record Revise(LocalDate revisedOn, List<UniverseChange> joins, List<UniverseChange> leaves,
            Map<String, String> managers) implements Command {
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

    /** {@code revisions}: how many times the plan was revised; {@code universe} as revised. */
    public record State(String planId, String jurisdiction, String title, int termStart, int termEnd,
            String parentPlanId, List<String> universe, int revisions, List<WorkPlanRevised> history) {

        /** Before the plan is issued. */
        static final State NONE = new State(null, null, null, 0, 0, null, List.of(), 0, List.of());

        static State from(WorkPlanIssued e) {
            return new State(e.planId(), e.jurisdiction(), e.title(), e.termStart(), e.termEnd(), e.parentPlanId(),
                    e.universe() == null ? List.of() : List.copyOf(e.universe()), 0, List.of());
        }

        State revised(WorkPlanRevised r) {
            List<WorkPlanRevised> all = new ArrayList<>(history);
            all.add(r);
            return new State(planId, jurisdiction, title, termStart, termEnd, parentPlanId, List.copyOf(r.universe()),
                    r.revision(), List.copyOf(all));
        }

        public boolean issued() {
            return planId != null;
        }
    }

    public WorkPlan() {
        super(rules(Command.class, PlanningEvent.class, State.NONE)
                .decide(Issue.class, WorkPlan::issue)
                .decide(Revise.class, WorkPlan::revise)
                .evolve(WorkPlanIssued.class, (state, issued) -> State.from(issued))
                .evolve(WorkPlanRevised.class, State::revised)
                // the planning service's events share one hierarchy; a round's event is never in a plan's stream
                .ignore(RoundScheduled.class)
                .ignore(RoundLaunched.class)
                .ignore(RoundFiled.class));
    }

    private static List<PlanningEvent> issue(Issue issue, State state) {
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

    private static List<PlanningEvent> revise(Revise revise, State state) {
        if (!state.issued()) {
            throw DomainRejection.notFound(NOT_ISSUED, "no such plan");
        }
        List<UniverseChange> joins = revise.joins() == null ? List.of() : revise.joins();
        List<UniverseChange> leaves = revise.leaves() == null ? List.of() : revise.leaves();
        if (joins.isEmpty() && leaves.isEmpty()) {
            throw new InvalidCommand(REVISION_EMPTY, "joined", "a revision names at least one organisation that joins"
                    + " or leaves the universe");
        }
        if (!state.history().isEmpty()
                && revise.revisedOn().isBefore(state.history().get(state.history().size() - 1).revisedOn())) {
            throw new InvalidCommand(REVISION_BEFORE_LAST, "revisedOn", "revision " + (state.revisions() + 1)
                    + " is dated before revision " + state.revisions() + " of "
                    + state.history().get(state.history().size() - 1).revisedOn());
        }
        int year = revise.revisedOn().getYear();
        if (year < state.termStart() || year > state.termEnd()) {
            throw new InvalidCommand(REVISION_OUTSIDE_TERM, "revisedOn", "a plan is revised during its term, "
                    + state.termStart() + "–" + state.termEnd() + "; " + revise.revisedOn() + " is not in it");
        }
        Set<String> named = new HashSet<>();
        List<String> twice = new ArrayList<>();
        for (UniverseChange c : concat(joins, leaves)) {
            if (!named.add(c.organisationId().strip())) {
                twice.add(c.organisationId().strip());
            }
        }
        if (!twice.isEmpty()) {
            throw new InvalidCommand(REVISED_TWICE, "joined", "an organisation joins or leaves once per revision: "
                    + String.join(", ", twice), twice);
        }
        List<UniverseChange> joined = new ArrayList<>();
        List<String> present = new ArrayList<>();
        List<String> foreign = new ArrayList<>();
        for (UniverseChange c : joins) {
            String id = c.organisationId().strip();
            if (!c.reason().joins()) {
                throw new InvalidCommand(REASON_NOT_FOR_JOINING, "joined", "an organisation does not join the universe"
                        + " as " + c.reason());
            }
            if (state.universe().contains(id)) {
                present.add(id);
            } else if (!state.jurisdiction().equals(revise.managers().get(id))) {
                foreign.add(id);
            }
            joined.add(new UniverseChange(id, c.reason(), note(c)));
        }
        if (!present.isEmpty()) {
            throw new InvalidCommand(ALREADY_IN_UNIVERSE, "joined", "already in the universe: "
                    + String.join(", ", present), present);
        }
        if (!foreign.isEmpty()) {
            throw new InvalidCommand(UNIVERSE_FOREIGN, "joined", "not organisations managed by jurisdiction "
                    + state.jurisdiction() + ": " + String.join(", ", foreign), foreign);
        }
        List<UniverseChange> left = new ArrayList<>();
        List<String> absent = new ArrayList<>();
        for (UniverseChange c : leaves) {
            String id = c.organisationId().strip();
            if (!c.reason().leaves()) {
                throw new InvalidCommand(REASON_NOT_FOR_LEAVING, "left", "an organisation does not leave the universe"
                        + " as " + c.reason());
            }
            if (!state.universe().contains(id)) {
                absent.add(id);
            }
            left.add(new UniverseChange(id, c.reason(), note(c)));
        }
        if (!absent.isEmpty()) {
            throw new InvalidCommand(NOT_IN_UNIVERSE, "left", "not in the universe: " + String.join(", ", absent),
                    absent);
        }
        List<String> universe = new ArrayList<>(state.universe());
        left.forEach(c -> universe.remove(c.organisationId()));
        joined.forEach(c -> universe.add(c.organisationId()));
        if (universe.isEmpty()) {
            throw new InvalidCommand(UNIVERSE_EMPTY, "left", "a plan keeps at least one organisation to cover");
        }
        return List.of(new WorkPlanRevised(state.planId(), state.jurisdiction(), state.revisions() + 1,
                revise.revisedOn(), List.copyOf(joined), List.copyOf(left), List.copyOf(universe)));
    }

    private static String note(UniverseChange c) {
        return c.note() == null || c.note().isBlank() ? null : c.note().strip();
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
