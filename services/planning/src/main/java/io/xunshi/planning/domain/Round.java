package io.xunshi.planning.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.xunshi.contracts.coordination.OrganisationKind;
import io.xunshi.contracts.planning.Assignment;
import io.xunshi.contracts.planning.PlanningEvent;
import io.xunshi.contracts.planning.RoundFiled;
import io.xunshi.contracts.planning.RoundKind;
import io.xunshi.contracts.planning.RoundLaunched;
import io.xunshi.contracts.planning.RoundScheduled;
import io.xunshi.contracts.planning.WorkPlanIssued;
import io.xunshi.contracts.planning.WorkPlanRevised;
import io.xunshi.kernel.domain.DomainRejection;
import io.xunshi.kernel.domain.ExhaustiveDecider;
import io.xunshi.kernel.domain.InvalidCommand;
import io.xunshi.kernel.domain.Jurisdictions;

/**
 * A round (轮次) of a plan: teams paired with target organisations and a stationing window. It is scheduled,
 * then launched once; launching is what makes the inspection service open one inspection per assignment.
 *
 * <p>Each kind has its rules (docs/adr/0030): a REGULAR round works through the plan's universe; the others
 * target organisations managed within the plan's jurisdiction, and besides: SPECIAL (专项) names its theme and may
 * confine itself to one sector; MOBILE (机动) is short; LINKED (联动) may name the higher level's LINKED round it
 * is coordinated with; ELEVATED (提级) inspects organisations a lower level normally covers, counting for that
 * level's plan; LOOK_BACK (回头看) revisits only organisations the plan already inspected.
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
    /** 422 on theme: a SPECIAL round names its theme or sector of work. */
    public static final String THEME_REQUIRED = "theme-required";
    /** 422 on theme or sector: only a SPECIAL round has a theme and a sector. */
    public static final String THEME_NOT_FOR_KIND = "theme-not-for-kind";
    /** 422 on assignments: a SPECIAL round on a sector targets organisations of that kind only. */
    public static final String OUTSIDE_SECTOR = "targets-outside-sector";
    /** 422 on stationingEnd: a MOBILE round is short; its window is at most the configured days. */
    public static final String MOBILE_TOO_LONG = "mobile-window-too-long";
    /** 422 on linkedRoundId: only a LINKED round is coordinated with a higher one. */
    public static final String LINK_NOT_FOR_KIND = "link-not-for-kind";
    /** 422 on linkedRoundId: no such round. */
    public static final String LINKED_ROUND_UNKNOWN = "linked-round-unknown";
    /** 422 on linkedRoundId: the round named is not a LINKED round of a higher level. */
    public static final String LINKED_ROUND_NOT_ABOVE = "linked-round-not-above";
    /** 422 on assignments: an ELEVATED round inspects organisations a lower level normally covers. */
    public static final String ELEVATED_NOT_BELOW = "elevated-targets-not-below";
    /** 422 on assignments: a LOOK_BACK round revisits organisations the plan already inspected, and only those. */
    public static final String LOOK_BACK_NOT_INSPECTED = "look-back-targets-not-inspected";
    /** 409: a round's work plan is filed with the level above once. */
    public static final String ALREADY_FILED = "round-already-filed";
    /** 409: the Centre's rounds have no level above to be filed with. */
    public static final String NOTHING_ABOVE = "round-has-no-level-above";

    public enum Status {
        NEW, SCHEDULED, LAUNCHED
    }

    public sealed interface Command permits Schedule, Launch, File {
    }

    /**
     * The round's work plan filed with the level above (报备): {@code above} is the jurisdiction of the plan's parent
     * plan, as the plan register knows it (null for the Centre's plan, which has none).
     */
    public record File(LocalDate filedOn, String workPlan, String above) implements Command {
    }

    /** Where and when the round's work plan was filed, and what it said. */
    public record Filing(String filedWith, LocalDate filedOn, String workPlan) {
    }

    /** The plan a round belongs to, as the plan register knows it. */
    public record Plan(String planId, String jurisdiction, int termStart, int termEnd, Set<String> universe) {
    }

    /** A target organisation as the organisations view knows it, with its kind. */
    public record Target(String organisationId, String name, String jurisdiction, String location,
            OrganisationKind kind) {
    }

    /** A round another round names as the one it is linked with, as the round register knows it. */
    public record LinkedRound(String roundId, String jurisdiction, RoundKind kind) {
    }

    /**
     * What the rules of the kinds need to know, looked up by the application: the longest MOBILE window, the round a
     * LINKED round names (null when unknown or not named), the targets the plan already inspected (for LOOK_BACK),
     * and each target's lower-level plan whose universe holds it (for ELEVATED; for LOOK_BACK, the lower plan an
     * earlier elevated round of the plan counted the target for).
     */
    public record KindFacts(int mobileMaxDays, LinkedRound linkedRound, Set<String> inspected,
            Map<String, String> lowerPlans) {

        /** No facts: for rounds whose kind needs none. */
        public static final KindFacts NONE = new KindFacts(Integer.MAX_VALUE, null, Set.of(), Map.of());
    }

    /** A team and the id of the organisation it is to inspect, as requested. */
    public record Pairing(String team, String organisationId) {
    }

    /**
     * @param targets the organisations view's entry for each requested organisation it knows
     */
    public record Schedule(String roundId, Plan plan, RoundKind kind, String name, LocalDate stationingStart,
            LocalDate stationingEnd, List<Pairing> pairings, Map<String, Target> targets, String theme,
            OrganisationKind sector, String linkedRoundId, KindFacts facts) implements Command {
    }

    public record Launch(LocalDate launchedOn) implements Command {
    }

    public record State(String roundId, String planId, String jurisdiction, RoundKind kind, String name,
            LocalDate stationingStart, LocalDate stationingEnd, List<Assignment> assignments, Status status,
            LocalDate launchedOn, String theme, OrganisationKind sector, String linkedRoundId, Filing filing) {

        /** Before the round is scheduled. */
        static final State NONE = new State(null, null, null, null, null, null, null, List.of(), Status.NEW, null, null,
                null, null, null);

        /** As scheduling sets it. */
        static State from(RoundScheduled e) {
            return new State(e.roundId(), e.planId(), e.jurisdiction(), e.kind(), e.name(), e.stationingStart(),
                    e.stationingEnd(), List.copyOf(e.assignments()), Status.SCHEDULED, null, e.theme(), e.sector(),
                    e.linkedRoundId(), null);
        }

        State launched(LocalDate date) {
            return new State(roundId, planId, jurisdiction, kind, name, stationingStart, stationingEnd, assignments,
                    Status.LAUNCHED, date, theme, sector, linkedRoundId, filing);
        }

        State filed(RoundFiled f) {
            return new State(roundId, planId, jurisdiction, kind, name, stationingStart, stationingEnd, assignments,
                    status, launchedOn, theme, sector, linkedRoundId, new Filing(f.filedWith(), f.filedOn(),
                            f.workPlan()));
        }
    }

    public Round() {
        super(rules(Command.class, PlanningEvent.class, State.NONE)
                .decide(Schedule.class, Round::schedule)
                .decide(Launch.class, Round::launch)
                .decide(File.class, Round::file)
                .evolve(RoundScheduled.class, (state, scheduled) -> State.from(scheduled))
                .evolve(RoundLaunched.class, (state, launched) -> state.launched(launched.launchedOn()))
                .evolve(RoundFiled.class, State::filed)
                // the planning service's events share one hierarchy; a plan's event is never in a round's stream
                .ignore(WorkPlanIssued.class)
                .ignore(WorkPlanRevised.class));
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
                    launch.launchedOn(), state.theme(), state.sector(), state.linkedRoundId()));
        };
    }

    private static List<PlanningEvent> file(File file, State state) {
        if (state.status() == Status.NEW) {
            throw new DomainRejection(NOT_SCHEDULED, "no such round");
        }
        if (state.filing() != null) {
            throw new DomainRejection(ALREADY_FILED, "round " + state.roundId() + " was filed with "
                    + state.filing().filedWith() + " on " + state.filing().filedOn());
        }
        String above = file.above();
        if (above == null) {
            throw new DomainRejection(NOTHING_ABOVE, "the Centre's rounds are filed with no level above");
        }
        return List.of(new RoundFiled(state.roundId(), state.planId(), state.jurisdiction(), above, file.filedOn(),
                file.workPlan().strip()));
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
        for (Pairing p : s.pairings()) {
            if (s.targets().get(p.organisationId()) == null) {
                unknown.add(p.organisationId());
            }
        }
        if (!unknown.isEmpty()) {
            throw new InvalidCommand(UNKNOWN_ORGANISATIONS, "assignments", "no such organisation: "
                    + String.join(", ", unknown), unknown);
        }
        checkKind(s);
        List<Assignment> assignments = s.pairings().stream().map(p -> {
            Target t = s.targets().get(p.organisationId());
            // an elevated target counts for the lower plan; so does a look-back of one
            String covered = s.kind() == RoundKind.ELEVATED || s.kind() == RoundKind.LOOK_BACK
                    ? s.facts().lowerPlans().get(t.organisationId())
                    : null;
            return new Assignment(p.team().strip(), t.organisationId(), t.name(), t.jurisdiction(), t.location(),
                    covered);
        }).toList();
        String theme = s.theme() == null || s.theme().isBlank() ? null : s.theme().strip();
        return new RoundScheduled(s.roundId(), plan.planId(), plan.jurisdiction(), s.kind(), s.name().strip(),
                s.stationingStart(), s.stationingEnd(), assignments, theme, s.sector(),
                s.linkedRoundId() == null || s.linkedRoundId().isBlank() ? null : s.linkedRoundId().strip());
    }

    /** The rules of the round's kind, on targets that all exist. */
    private static void checkKind(Schedule s) {
        Plan plan = s.plan();
        RoundKind kind = s.kind();
        boolean themed = s.theme() != null && !s.theme().isBlank();
        if (kind == RoundKind.SPECIAL && !themed) {
            throw new InvalidCommand(THEME_REQUIRED, "theme", "a special round (专项) names its theme or sector of"
                    + " work");
        }
        if (kind != RoundKind.SPECIAL && (themed || s.sector() != null)) {
            throw new InvalidCommand(THEME_NOT_FOR_KIND, themed ? "theme" : "sector", "only a SPECIAL round has a"
                    + " theme and a sector; this one is " + kind);
        }
        if (kind == RoundKind.MOBILE) {
            long days = ChronoUnit.DAYS.between(s.stationingStart(), s.stationingEnd()) + 1;
            if (days > s.facts().mobileMaxDays()) {
                throw new InvalidCommand(MOBILE_TOO_LONG, "stationingEnd", "a mobile round (机动) is stationed at most "
                        + s.facts().mobileMaxDays() + " days; this window is " + days);
            }
        }
        checkLink(s);
        List<String> outside = new ArrayList<>();
        for (Pairing p : s.pairings()) {
            Target target = s.targets().get(p.organisationId());
            boolean fits = switch (kind) {
                case REGULAR -> plan.universe().contains(p.organisationId());
                case ELEVATED -> !plan.jurisdiction().equals(target.jurisdiction())
                        && Jurisdictions.contains(plan.jurisdiction(), target.jurisdiction());
                case LOOK_BACK -> s.facts().inspected().contains(p.organisationId());
                case SPECIAL -> Jurisdictions.contains(plan.jurisdiction(), target.jurisdiction())
                        && (s.sector() == null || s.sector() == target.kind());
                case LINKED, MOBILE -> Jurisdictions.contains(plan.jurisdiction(), target.jurisdiction());
            };
            if (!fits) {
                outside.add(p.organisationId());
            }
        }
        if (outside.isEmpty()) {
            return;
        }
        String list = String.join(", ", outside);
        throw switch (kind) {
            case REGULAR -> new InvalidCommand(OUTSIDE_UNIVERSE, "assignments", "a regular round inspects only the"
                    + " plan's universe; not in it: " + list, outside);
            case ELEVATED -> new InvalidCommand(ELEVATED_NOT_BELOW, "assignments", "an elevated round (提级) inspects"
                    + " organisations a level below " + plan.jurisdiction() + " normally covers; not such: " + list,
                    outside);
            case LOOK_BACK -> new InvalidCommand(LOOK_BACK_NOT_INSPECTED, "assignments", "a look-back round (回头看)"
                    + " revisits only organisations the plan already inspected; not inspected under "
                    + plan.planId() + ": " + list, outside);
            case SPECIAL -> s.sector() != null
                    && outside.stream().allMatch(id -> Jurisdictions.contains(plan.jurisdiction(),
                            s.targets().get(id).jurisdiction()))
                                    ? new InvalidCommand(OUTSIDE_SECTOR, "assignments", "a special round on "
                                            + s.sector() + " targets organisations of that kind only; not such: "
                                            + list, outside)
                                    : new InvalidCommand(OUTSIDE_UNIVERSE, "assignments", "not organisations managed"
                                            + " within jurisdiction " + plan.jurisdiction() + ", or not of sector "
                                            + s.sector() + ": " + list, outside);
            case LINKED, MOBILE -> new InvalidCommand(OUTSIDE_UNIVERSE, "assignments", "not organisations managed"
                    + " within jurisdiction " + plan.jurisdiction() + ": " + list, outside);
        };
    }

    /** A LINKED round may name the higher level's LINKED round it is coordinated with; no other kind names one. */
    private static void checkLink(Schedule s) {
        if (s.linkedRoundId() == null || s.linkedRoundId().isBlank()) {
            return;
        }
        if (s.kind() != RoundKind.LINKED) {
            throw new InvalidCommand(LINK_NOT_FOR_KIND, "linkedRoundId", "only a LINKED round (联动) names the round it"
                    + " is linked with; this one is " + s.kind());
        }
        LinkedRound linked = s.facts().linkedRound();
        if (linked == null) {
            throw new InvalidCommand(LINKED_ROUND_UNKNOWN, "linkedRoundId", "no round " + s.linkedRoundId().strip());
        }
        String jurisdiction = s.plan().jurisdiction();
        if (linked.kind() != RoundKind.LINKED || linked.jurisdiction().equals(jurisdiction)
                || !Jurisdictions.contains(linked.jurisdiction(), jurisdiction)) {
            // no more about the round named than that it is not one to link with: the caller may not read it
            throw new InvalidCommand(LINKED_ROUND_NOT_ABOVE, "linkedRoundId", "round " + linked.roundId() + " is not a"
                    + " LINKED round of a level above " + jurisdiction);
        }
    }
}
