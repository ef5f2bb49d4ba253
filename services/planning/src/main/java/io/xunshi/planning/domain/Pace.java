package io.xunshi.planning.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.xunshi.contracts.coordination.OrganisationKind;

/**
 * The pace of a plan towards full coverage (全覆盖), computed from what has been done: how many organisations of the
 * universe are formally covered, how many rounds were launched to get there, and how many rounds the level can still
 * run before the term (or a sector block's cycle) ends. Pure: the application gathers the facts.
 *
 * <p>At the current pace each launched round covers {@code covered / roundsLaunched} organisations; what remains needs
 * that many more rounds; the level runs {@code roundsPerYear} a year in the time left. Full coverage is reachable when
 * the rounds needed fit in the rounds left. Each sector block (organisations of one kind) has its own cycle, ending
 * {@code cycleYears} after the term starts (never after the term).
 */
public final class Pace {

    /** Alert codes. */
    public static final String OUT_OF_PACE = "coverage-out-of-pace";
    public static final String BLOCK_OUT_OF_PACE = "block-out-of-pace";
    public static final String NOT_INSPECTED_FOR_YEARS = "not-inspected-for-years";

    private Pace() {
    }

    /**
     * One organisation of the universe: its kind, whether covered for the plan (by its own rounds or a higher level's
     * elevated one), whether by the plan's own rounds, and when last inspected by anyone.
     */
    public record Member(String organisationId, String name, OrganisationKind kind, boolean covered,
            boolean coveredByOwnRounds, LocalDate lastInspectedOn) {
    }

    /** The settings: rounds a year, each block's cycle in years, years without inspection that raise an alert. */
    public record Settings(double roundsPerYear, Map<OrganisationKind, Integer> cycleYears, int alertYears) {
    }

    /** Coverage of one sector block against its cycle. */
    public record Block(OrganisationKind kind, int universe, int covered, int remaining, int dueBy,
            Integer roundsNeeded, int roundsLeft, Boolean reachable) {
    }

    /** An organisation not inspected for the alert's years ({@code lastInspectedOn} null: never on record). */
    public record Overdue(String organisationId, String name, LocalDate lastInspectedOn) {
    }

    /**
     * @param perRound organisations covered per launched round so far, null before the first round
     * @param roundsNeeded rounds still needed at that pace, null before the first round
     * @param reachable whether full coverage is still reachable, null while there is no pace to judge by
     */
    public record Result(int universe, int covered, int remaining, int roundsLaunched, Double perRound,
            Integer roundsNeeded, int roundsLeft, Boolean reachable, List<Block> blocks, List<Overdue> overdue,
            List<String> alerts) {
    }

    public static Result of(int termStart, int termEnd, LocalDate today, List<Member> universe, int roundsLaunched,
            Settings settings) {
        int covered = (int) universe.stream().filter(Member::covered).count();
        int remaining = universe.size() - covered;
        // the pace is the plan's own: what its rounds covered, per round (a higher level's elevated inspection covers
        // an organisation too, but is not the plan's work)
        int own = (int) universe.stream().filter(Member::coveredByOwnRounds).count();
        Double perRound = roundsLaunched == 0 ? null : (double) own / roundsLaunched;
        int roundsLeft = roundsLeft(today, termStart, termEnd, settings.roundsPerYear());
        Integer needed = needed(remaining, perRound);
        Boolean reachable = reachable(remaining, needed, roundsLeft, today.getYear() > termEnd);
        List<String> alerts = new ArrayList<>();
        if (Boolean.FALSE.equals(reachable)) {
            alerts.add(OUT_OF_PACE);
        }
        Map<OrganisationKind, int[]> counts = new EnumMap<>(OrganisationKind.class);
        for (Member m : universe) {
            if (m.kind() == null) {
                continue; // not in the organisations view: in no block
            }
            int[] c = counts.computeIfAbsent(m.kind(), k -> new int[2]);
            c[0]++;
            c[1] += m.covered() ? 1 : 0;
        }
        List<Block> blocks = new ArrayList<>();
        counts.forEach((kind, c) -> {
            int cycle = settings.cycleYears().getOrDefault(kind, termEnd - termStart + 1);
            int dueBy = Math.min(termEnd, termStart + cycle - 1);
            int blockRemaining = c[0] - c[1];
            int blockRoundsLeft = roundsLeft(today, termStart, dueBy, settings.roundsPerYear());
            Integer blockNeeded = needed(blockRemaining, perRound);
            Boolean blockReachable = reachable(blockRemaining, blockNeeded, blockRoundsLeft, today.getYear() > dueBy);
            if (Boolean.FALSE.equals(blockReachable)) {
                alerts.add(BLOCK_OUT_OF_PACE + ":" + kind);
            }
            blocks.add(new Block(kind, c[0], c[1], blockRemaining, dueBy, blockNeeded, blockRoundsLeft,
                    blockReachable));
        });
        LocalDate limit = today.minusYears(settings.alertYears());
        boolean termOld = LocalDate.of(termStart, 1, 1).isBefore(limit);
        List<Overdue> overdue = universe.stream()
                .filter(m -> m.lastInspectedOn() == null ? termOld : m.lastInspectedOn().isBefore(limit))
                .map(m -> new Overdue(m.organisationId(), m.name(), m.lastInspectedOn())).toList();
        if (!overdue.isEmpty()) {
            alerts.add(NOT_INSPECTED_FOR_YEARS);
        }
        return new Result(universe.size(), covered, remaining, roundsLaunched, perRound, needed, roundsLeft, reachable,
                List.copyOf(blocks), overdue, List.copyOf(alerts));
    }

    /**
     * The rounds the level can still run from {@code today} (or the start of the term, if later) to the end of
     * {@code lastYear}, at its rate: counted in months, the month of {@code from} by the share of its days left, so
     * that a whole year holds exactly the year's rounds whatever its length.
     */
    static int roundsLeft(LocalDate today, int firstYear, int lastYear, double roundsPerYear) {
        LocalDate start = LocalDate.of(firstYear, 1, 1);
        LocalDate from = today.isBefore(start) ? start : today;
        if (from.getYear() > lastYear) {
            return 0;
        }
        double months = (lastYear - from.getYear()) * 12 + (12 - from.getMonthValue())
                + (double) (from.lengthOfMonth() - from.getDayOfMonth() + 1) / from.lengthOfMonth();
        return (int) Math.floor(months * roundsPerYear / 12 + 1e-9);
    }

    private static Integer needed(int remaining, Double perRound) {
        if (remaining == 0) {
            return 0;
        }
        return perRound == null || perRound == 0 ? null : (int) Math.ceil(remaining / perRound - 1e-9);
    }

    private static Boolean reachable(int remaining, Integer needed, int roundsLeft, boolean over) {
        if (remaining == 0) {
            return true;
        }
        if (over) {
            return false;
        }
        // before any round of the plan covered anything there is no pace to judge by
        return needed == null ? null : needed <= roundsLeft;
    }
}
