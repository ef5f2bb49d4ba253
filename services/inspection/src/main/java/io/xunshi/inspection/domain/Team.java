package io.xunshi.inspection.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.xunshi.contracts.inspection.TeamEvent;
import io.xunshi.contracts.inspection.TeamFormed;
import io.xunshi.contracts.inspection.TeamMember;
import io.xunshi.contracts.inspection.TeamPosition;
import io.xunshi.contracts.inspection.TeamStoodDown;
import io.xunshi.contracts.inspection.VettingCheck;
import io.xunshi.kernel.domain.DomainRejection;
import io.xunshi.kernel.domain.ExhaustiveDecider;
import io.xunshi.kernel.domain.InvalidCommand;

/**
 * An inspection team (巡视组) of one round: formed for the round's inspections that carry its name, from the cadre
 * pool, once the rules hold — one leader, vetted and not leading another team (一次一授权); a size within the
 * level's limits; nobody twice; no recusal policy ({@link Recusal}) objecting to anyone for any target — and stood
 * down when its work is done. The command carries what the rules read (the cadres' and the inspections' current
 * state), so the rules stay pure. While it is formed, its members (and the inspection office) are the only ones
 * who write to its inspections ({@link State#inTeam}); its id derives from the round and its name, which the
 * round's assignments give each inspection, so an inspection finds its team without being written to.
 */
public final class Team extends ExhaustiveDecider<Team.Command, TeamEvent, Team.State> {

    /** Whether the team is at work or has stood down. */
    public enum TeamStatus {
        FORMED, STOOD_DOWN
    }

    public static final String ALREADY_FORMED = "team-already-formed";
    /** 409: the proposed leader leads another team that has not stood down (一次一授权). */
    public static final String ALREADY_LEADING = "cadre-already-leading";
    public static final String NOT_FORMED = "team-not-formed";
    public static final String NOT_ACTIVE = "team-not-active";
    /** 422 on {@code members}: no leader, or more than one. */
    public static final String ONE_LEADER = "team-needs-one-leader";
    /** 422 on {@code members}. */
    public static final String MEMBER_TWICE = "team-member-twice";
    /** 422 on {@code members}: someone not in the pool. */
    public static final String NOT_IN_POOL = "cadre-not-in-pool";
    /** 422 on {@code members}. */
    public static final String SIZE_OUT_OF_LIMITS = "team-size-out-of-limits";
    /** 422 on {@code members}: the leader has not passed all three checks. */
    public static final String LEADER_NOT_VETTED = "leader-not-vetted";
    /** 422 on {@code inspectionIds}. */
    public static final String NO_INSPECTIONS = "team-without-inspections";
    /** 422 on {@code inspectionIds}: an inspection of another round, or assigned to a team of another name. */
    public static final String NOT_THIS_TEAMS = "inspection-not-this-teams";
    /** 409: an inspection whose stationing began. */
    public static final String INSPECTION_TAKEN = "inspection-not-open-for-a-team";

    public sealed interface Command permits Form, StandDown {
    }

    /** Someone proposed for the team, with their state in the pool (not registered: {@link Cadre.State#NONE}). */
    public record Candidate(String cadreId, Cadre.State cadre, TeamPosition position) {
    }

    /** An inspection the team is to carry out, as it stands, and its organisation for the recusal rules. */
    public record Assignment(String inspectionId, String roundId, String jurisdiction, String team,
            Inspection.Status status, Recusal.Target target) {
    }

    /** How many people a team of the level has, leader included. */
    public record SizeLimits(int min, int max) {
    }

    /**
     * Forms the team. {@code leaderLeads} is the team the proposed leader is authorised for now (null: none), as
     * the register of authorisations holds it (one leader leads one team until it stands down).
     */
    public record Form(String teamId, String roundId, String jurisdiction, String name, List<Candidate> people,
            List<Assignment> inspections, SizeLimits limits, String leaderLeads) implements Command {
    }

    public record StandDown(LocalDate on) implements Command {
    }

    public record State(String teamId, String roundId, String jurisdiction, String name, List<TeamMember> members,
            List<String> inspectionIds, TeamStatus status, LocalDate stoodDownOn) {

        static final State NONE = new State(null, null, null, null, List.of(), List.of(), null, null);

        public boolean formed() {
            return teamId != null;
        }

        public TeamMember leader() {
            return members.stream().filter(m -> m.position() == TeamPosition.LEADER).findFirst().orElse(null);
        }

        /**
         * Whether {@code account} is in the team while it is formed (not stood down), in one of {@code positions}
         * (any when none are given).
         */
        public boolean inTeam(String account, TeamPosition... positions) {
            List<TeamPosition> wanted = List.of(positions);
            return status == TeamStatus.FORMED && members.stream().anyMatch(m -> m.account().equals(account)
                    && (wanted.isEmpty() || wanted.contains(m.position())));
        }

        State stoodDown(LocalDate on) {
            return new State(teamId, roundId, jurisdiction, name, members, inspectionIds, TeamStatus.STOOD_DOWN, on);
        }
    }

    /** The id of the team of {@code name} in round {@code roundId}: one team of a name per round. */
    public static String idFor(String roundId, String name) {
        return java.util.UUID.nameUUIDFromBytes(("xunshi.team:" + roundId + ":" + name.strip())
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    }

    public Team() {
        super(rules(Command.class, TeamEvent.class, State.NONE)
                .decide(Form.class, Team::form)
                .decide(StandDown.class, Team::standDown)
                .evolve(TeamFormed.class, (state, f) -> new State(f.teamId(), f.roundId(), f.jurisdiction(), f.name(),
                        List.copyOf(f.members()), List.copyOf(f.inspectionIds()), TeamStatus.FORMED, null))
                .evolve(TeamStoodDown.class, (state, s) -> state.stoodDown(s.on())));
    }

    private static List<TeamEvent> form(Form form, State state) {
        if (state.formed()) {
            throw new DomainRejection(ALREADY_FORMED, "team " + state.name() + " of round " + state.roundId()
                    + " is already formed");
        }
        List<Candidate> people = form.people();
        Set<String> seen = new HashSet<>();
        for (Candidate c : people) {
            if (!seen.add(c.cadreId())) {
                throw new InvalidCommand(MEMBER_TWICE, "members", c.cadreId() + " is named more than once");
            }
            if (!c.cadre().registered()) {
                throw new InvalidCommand(NOT_IN_POOL, "members", c.cadreId() + " is not in the cadre pool");
            }
        }
        List<Candidate> leaders = people.stream().filter(c -> c.position() == TeamPosition.LEADER).toList();
        if (leaders.size() != 1) {
            throw new InvalidCommand(ONE_LEADER, "members", "a team has exactly one leader (组长); "
                    + leaders.size() + " are named");
        }
        if (people.size() < form.limits().min() || people.size() > form.limits().max()) {
            throw new InvalidCommand(SIZE_OUT_OF_LIMITS, "members", "a team of this level has " + form.limits().min()
                    + " to " + form.limits().max() + " people, leader included; " + people.size() + " are named");
        }
        Cadre.State leader = leaders.get(0).cadre();
        if (!leader.vetted()) {
            String missing = java.util.Arrays.stream(VettingCheck.values())
                    .filter(check -> !leader.vetting().containsKey(check)).map(Enum::name)
                    .collect(Collectors.joining(", "));
            throw new InvalidCommand(LEADER_NOT_VETTED, "members", leader.name() + " has not passed " + missing
                    + ": a leader passes the political, integrity and conduct checks before leading");
        }
        if (form.leaderLeads() != null) {
            throw new DomainRejection(ALREADY_LEADING, leader.name() + " already leads team " + form.leaderLeads()
                    + ": a leader is authorised for one round at a time (一次一授权) until that team stands down");
        }
        checkInspections(form);
        List<Recusal.Violation> violations = new ArrayList<>();
        for (Candidate c : people) {
            for (Assignment a : form.inspections()) {
                violations.addAll(Recusal.check(c.cadre(), a.target()));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidCommand(violations.get(0).rule().code(), "members", "recusal (回避): " + violations
                    .stream().map(v -> v.reason() + " [" + v.rule().code() + "]").collect(Collectors.joining("; ")));
        }
        List<TeamMember> members = people.stream()
                .sorted(Comparator.comparing(Candidate::position))
                .map(c -> new TeamMember(c.cadreId(), c.cadre().name(), c.cadre().account(), c.position()))
                .toList();
        return List.of(new TeamFormed(form.teamId(), form.roundId(), form.jurisdiction(), form.name().strip(), members,
                form.inspections().stream().map(Assignment::inspectionId).toList()));
    }

    private static void checkInspections(Form form) {
        if (form.inspections().isEmpty()) {
            throw new InvalidCommand(NO_INSPECTIONS, "inspectionIds", "a team is formed for at least one inspection");
        }
        for (Assignment a : form.inspections()) {
            if (!a.roundId().equals(form.roundId()) || !a.team().equals(form.name().strip())) {
                throw new InvalidCommand(NOT_THIS_TEAMS, "inspectionIds", "inspection " + a.inspectionId()
                        + " is assigned to " + a.team() + " of round " + a.roundId() + ", not to " + form.name()
                        + " of round " + form.roundId());
            }
            if (a.status() != Inspection.Status.PREPARING) {
                throw new DomainRejection(INSPECTION_TAKEN, "inspection " + a.inspectionId() + " is " + a.status()
                        + ": a team is formed before the stationing");
            }
        }
    }

    private static List<TeamEvent> standDown(StandDown standDown, State state) {
        if (!state.formed()) {
            throw new DomainRejection(NOT_FORMED, "no such team");
        }
        if (state.status() != TeamStatus.FORMED) {
            throw new DomainRejection(NOT_ACTIVE, "team " + state.name() + " stood down on " + state.stoodDownOn());
        }
        return List.of(new TeamStoodDown(state.teamId(), standDown.on()));
    }
}
