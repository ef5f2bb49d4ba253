package io.xunshi.benchmarks;

import java.util.List;

/**
 * What a scenario measured: its title, what it compares and how, its figures, and — printed only when a
 * figure misses its goal — where it falls short and why; {@code details} (Markdown, may be empty) follows the
 * table, e.g. every step of a stepped load.
 */
public record ScenarioResult(String title, String method, List<Figure> figures, String shortfall, String details) {

    public ScenarioResult(String title, String method, List<Figure> figures, String shortfall) {
        this(title, method, figures, shortfall, "");
    }

    public boolean allGoalsMet() {
        return figures.stream().allMatch(Figure::met);
    }
}
