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
import io.xunshi.kernel.domain.Decider;
import io.xunshi.kernel.domain.DomainRejection;
import io.xunshi.kernel.domain.InvalidCommand;
import io.xunshi.kernel.domain.Jurisdictions;

/**
 * A round (轮次) of a plan: teams paired with target organisations and a stationing window. It is scheduled,
 * then launched once; launching is what makes the inspection service open one inspection per assignment.
 */
public final class Round implements Decider<Round.Command, PlanningEvent, Round.State> {

    public enum Status { NEW, SCHEDULED, LAUNCHED }

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
    }

    @Override
    public State initialState() {
        return new State(null, null, null, null, null, null, null, List.of(), Status.NEW, null);
    }

    @Override
    public List<PlanningEvent> decide(Command command, State state) {
        if (command instanceof Schedule schedule) {
            if (state.status() != Status.NEW) {
                throw new DomainRejection("round-already-scheduled", "round " + state.roundId()
                        + " is already scheduled");
            }
            return List.of(schedule(schedule));
        }
        Launch launch = (Launch) command;
        return switch (state.status()) {
            case NEW -> throw new DomainRejection("round-not-scheduled", "no such round");
            case LAUNCHED -> throw new DomainRejection("round-already-launched", "round " + state.roundId()
                    + " was already launched on " + state.launchedOn() + "; a round is launched once");
            case SCHEDULED -> List.of(new RoundLaunched(state.roundId(), state.planId(),
                    state.jurisdiction(), state.kind(), state.name(), state.stationingStart(), state.stationingEnd(),
                    state.assignments(), launch.launchedOn()));
        };
    }

    private static RoundScheduled schedule(Schedule s) {
        Plan plan = s.plan();
        if (s.stationingEnd().isBefore(s.stationingStart())) {
            throw new InvalidCommand("stationing-window-reversed", "stationingEnd", "the stationing window ends ("
                    + s.stationingEnd() + ") before it starts (" + s.stationingStart() + ")");
        }
        if (s.stationingStart().getYear() < plan.termStart() || s.stationingEnd().getYear() > plan.termEnd()) {
            throw new InvalidCommand("stationing-outside-term", "stationingStart", "the stationing window "
                    + s.stationingStart() + " to " + s.stationingEnd() + " lies outside the plan's term "
                    + plan.termStart() + "–" + plan.termEnd());
        }
        if (s.pairings().isEmpty()) {
            throw new InvalidCommand("round-without-assignments", "assignments",
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
            throw new InvalidCommand("organisation-assigned-twice", "assignments", "an organisation is inspected"
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
            throw new InvalidCommand("unknown-organisations", "assignments", "no such organisation: "
                    + String.join(", ", unknown), unknown);
        }
        if (!outside.isEmpty()) {
            throw new InvalidCommand("targets-outside-universe", "assignments", s.kind() == RoundKind.REGULAR
                    ? "a regular round inspects only the plan's universe; not in it: " + String.join(", ", outside)
                    : "not organisations managed within jurisdiction " + plan.jurisdiction() + ": "
                            + String.join(", ", outside), outside);
        }
        List<Assignment> assignments = s.pairings().stream().map(p -> {
            Target t = s.targets().get(p.organisationId());
            return new Assignment(p.team().strip(), t.organisationId(), t.name(), t.jurisdiction(), t.location());
        }).toList();
        return new RoundScheduled(s.roundId(), plan.planId(), plan.jurisdiction(), s.kind(), s.name().strip(),
                s.stationingStart(), s.stationingEnd(), assignments);
    }

    @Override
    public State evolve(State state, PlanningEvent event) {
        if (event instanceof RoundScheduled e) {
            return new State(e.roundId(), e.planId(), e.jurisdiction(), e.kind(), e.name(), e.stationingStart(),
                    e.stationingEnd(), List.copyOf(e.assignments()), Status.SCHEDULED, null);
        }
        if (!(event instanceof RoundLaunched e)) {
            return state;
        }
        return new State(state.roundId(), state.planId(), state.jurisdiction(), state.kind(), state.name(),
                state.stationingStart(), state.stationingEnd(), state.assignments(), Status.LAUNCHED, e.launchedOn());
    }
}
