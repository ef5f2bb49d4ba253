package io.xunshi.planning.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.xunshi.contracts.planning.Assignment;
import io.xunshi.contracts.planning.PlanningEvent;
import io.xunshi.contracts.planning.RoundKind;
import io.xunshi.contracts.planning.RoundLaunched;
import io.xunshi.contracts.planning.RoundScheduled;
import io.xunshi.contracts.planning.WorkPlanIssued;
import io.xunshi.kernel.domain.DomainRejection;
import io.xunshi.kernel.domain.ExhaustiveDecider;
import io.xunshi.kernel.domain.InvalidCommand;
import io.xunshi.kernel.domain.Jurisdictions;

/**
 * A round (轮次) of a plan: teams paired with target organisations and a stationing window. It is scheduled,
 * then launched once; launching is what makes the inspection service open one inspection per assignment.
 */
public final class Round extends ExhaustiveDecider<Round.Command, PlanningEvent, Round.State> {

    /** Codes of the rejections: illegal states (409) and invalid commands (422, with the request field). */
    public static final String ALREADY_SCHEDULED = "round-already-scheduled";
    public static final String NOT_SCHEDULED = "round-not-scheduled";
    public static final String ALREADY_LAUNCHED = "round-already-launched";
    public static final String WINDOW_REVERSED = "stationing-window-reversed";
    public static final String OUTSIDE_TERM = "stationing-outside-term";
    public static final String WITHOUT_ASSIGNMENTS = "round-without-assignments";
    public static final String ASSIGNED_TWICE = "organisation-assigned-twice";
    public static final String UNKNOWN_ORGANISATIONS = "unknown-organisations";
    public static final String OUTSIDE_UNIVERSE = "targets-outside-universe";

    public enum Status {
        NEW, SCHEDULED, LAUNCHED
    }

    public sealed interface Command permits Schedule, Launch {
    }

    /** The plan a round belongs to, as the plan register knows it. */
    public record Plan(String planId, String jurisdiction, int termStart, int termEnd, Set<String> universe) {
    }

    /** A target organisation as the organisations view knows it. */
    public record Target(String organisationId, String name, String jurisdiction, String location) {
    }

    /** A team and the id of the organisation it is to inspect, as requested. */
    public record Pairing(String team, String organisationId) {
    }

    /**
     * @param targets the organisations view's entry for each requested organisation it knows
     */
    public record Schedule(String roundId, Plan plan, RoundKind kind, String name, LocalDate stationingStart,
            LocalDate stationingEnd, List<Pairing> pairings, Map<String, Target> targets) implements Command {
    }

    public record Launch(LocalDate launchedOn) implements Command {
    }

    public record State(String roundId, String planId, String jurisdiction, RoundKind kind, String name,
            LocalDate stationingStart, LocalDate stationingEnd, List<Assignment> assignments, Status status,
            LocalDate launchedOn) {

        /** Before the round is scheduled. */
        static final State NONE = new State(null, null, null, null, null, null, null, List.of(), Status.NEW, null);

        /** As scheduling sets it. */
        static State from(RoundScheduled e) {
            return new State(e.roundId(), e.planId(), e.jurisdiction(), e.kind(), e.name(), e.stationingStart(),
                    e.stationingEnd(), List.copyOf(e.assignments()), Status.SCHEDULED, null);
        }

        State withStatus(Status newStatus) {
            return new State(roundId, planId, jurisdiction, kind, name, stationingStart, stationingEnd, assignments,
                    newStatus, launchedOn);
        }

        State withLaunchedOn(LocalDate date) {
            return new State(roundId, planId, jurisdiction, kind, name, stationingStart, stationingEnd, assignments,
                    status, date);
        }
    }

    public Round() {
        super(rules(Command.class, PlanningEvent.class, State.NONE)
                .decide(Schedule.class, Round::schedule)
                .decide(Launch.class, Round::launch)
                .evolve(RoundScheduled.class, (state, scheduled) -> State.from(scheduled))
                .evolve(RoundLaunched.class, (state, launched) -> state.withStatus(Status.LAUNCHED)
                        .withLaunchedOn(launched.launchedOn()))
                // the planning service's events share one hierarchy; a plan's event is never in a round's stream
                .ignore(WorkPlanIssued.class));
    }

    private static List<PlanningEvent> schedule(Schedule schedule, State state) {
        if (state.status() != Status.NEW) {
            throw new DomainRejection(ALREADY_SCHEDULED, "round " + state.roundId() + " is already scheduled");
        }
        return List.of(scheduled(schedule));
    }

    private static List<PlanningEvent> launch(Launch launch, State state) {
        return switch (state.status()) {
            case NEW -> throw new DomainRejection(NOT_SCHEDULED, "no such round");
            case LAUNCHED -> throw new DomainRejection(ALREADY_LAUNCHED, "round " + state.roundId()
                    + " was already launched on " + state.launchedOn() + "; a round is launched once");
            case SCHEDULED -> List.of(new RoundLaunched(state.roundId(), state.planId(), state.jurisdiction(),
                    state.kind(), state.name(), state.stationingStart(), state.stationingEnd(), state.assignments(),
                    launch.launchedOn()));
        };
    }

    private static RoundScheduled scheduled(Schedule s) {
        Plan plan = s.plan();
        if (s.stationingEnd().isBefore(s.stationingStart())) {
            throw new InvalidCommand(WINDOW_REVERSED, "stationingEnd", "the stationing window ends ("
                    + s.stationingEnd() + ") before it starts (" + s.stationingStart() + ")");
        }
        if (s.stationingStart().getYear() < plan.termStart() || s.stationingEnd().getYear() > plan.termEnd()) {
            throw new InvalidCommand(OUTSIDE_TERM, "stationingStart", "the stationing window "
                    + s.stationingStart() + " to " + s.stationingEnd() + " lies outside the plan's term "
                    + plan.termStart() + "–" + plan.termEnd());
        }
        if (s.pairings().isEmpty()) {
            throw new InvalidCommand(WITHOUT_ASSIGNMENTS, "assignments",
                    "a round pairs at least one team with a target organisation");
        }
        Set<String> seen = new HashSet<>();
        Set<String> twice = new LinkedHashSet<>();
        for (Pairing p : s.pairings()) {
            if (!seen.add(p.organisationId())) {
                twice.add(p.organisationId());
            }
        }
        if (!twice.isEmpty()) {
            throw new InvalidCommand(ASSIGNED_TWICE, "assignments", "an organisation is inspected"
                    + " once per round; assigned more than once: " + String.join(", ", twice), List.copyOf(twice));
        }
        List<String> unknown = new ArrayList<>();
        List<String> outside = new ArrayList<>();
        for (Pairing p : s.pairings()) {
            Target target = s.targets().get(p.organisationId());
            if (target == null) {
                unknown.add(p.organisationId());
            } else if (s.kind() == RoundKind.REGULAR
                    ? !plan.universe().contains(p.organisationId())
                    : !Jurisdictions.contains(plan.jurisdiction(), target.jurisdiction())) {
                outside.add(p.organisationId());
            }
        }
        if (!unknown.isEmpty()) {
            throw new InvalidCommand(UNKNOWN_ORGANISATIONS, "assignments", "no such organisation: "
                    + String.join(", ", unknown), unknown);
        }
        if (!outside.isEmpty()) {
            throw new InvalidCommand(OUTSIDE_UNIVERSE, "assignments", s.kind() == RoundKind.REGULAR
                    ? "a regular round inspects only the plan's universe; not in it: " + String.join(", ", outside)
                    : "not organisations managed within jurisdiction " + plan.jurisdiction() + ": "
                            + String.join(", ", outside),
                    outside);
        }
        List<Assignment> assignments = s.pairings().stream().map(p -> {
            Target t = s.targets().get(p.organisationId());
            return new Assignment(p.team().strip(), t.organisationId(), t.name(), t.jurisdiction(), t.location());
        }).toList();
        return new RoundScheduled(s.roundId(), plan.planId(), plan.jurisdiction(), s.kind(), s.name().strip(),
                s.stationingStart(), s.stationingEnd(), assignments);
    }
}
