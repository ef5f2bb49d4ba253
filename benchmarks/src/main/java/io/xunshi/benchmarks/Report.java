package io.xunshi.benchmarks;

import java.util.List;

/** The Markdown report of a run: the machine, the command to rerun, and one table per scenario. */
final class Report {

    static final String RERUN = "benchmarks/run";

    private Report() {
    }

    static String markdown(Machine machine, List<ScenarioResult> results) {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmarks\n\n");
        md.append("Produced by the `benchmarks` module (`io.xunshi.benchmarks.Benchmarks`) from a real run; every figure")
                .append(" is measured next to its physical limit in the same run and reported as a ratio, because the")
                .append(" machine is shared with other builds and absolute numbers vary from run to run.\n\n");
        md.append("Rerun from the repository root (builds the module, starts PostgreSQL and Kafka, rewrites this file):\n\n");
        md.append("```\n").append(RERUN).append("\n```\n\n");
        md.append("## Machine\n\n").append(machine.markdown()).append('\n');
        for (ScenarioResult result : results) {
            md.append(section(result));
        }
        return md.toString();
    }

    static String section(ScenarioResult result) {
        StringBuilder md = new StringBuilder();
        md.append("## ").append(result.title()).append("\n\n");
        md.append(result.method()).append("\n\n");
        md.append(table(result.figures())).append('\n');
        if (!result.allGoalsMet()) {
            md.append("**Where it falls short and why.** ").append(result.shortfall()).append("\n\n");
        }
        return md.toString();
    }

    static String table(List<Figure> figures) {
        StringBuilder md = new StringBuilder();
        md.append("| Figure | Value | Physical limit | Ratio | Goal | Met |\n");
        md.append("|---|---:|---:|---:|---|---|\n");
        for (Figure f : figures) {
            md.append("| ").append(f.name())
                    .append(" | ").append(Format.number(f.value())).append(' ').append(f.unit())
                    .append(" | ").append(Double.isNaN(f.limit()) ? "—" : Format.number(f.limit()) + " " + f.unit())
                    .append(" | ").append(Double.isNaN(f.ratio()) ? "—" : Format.number(f.ratio()) + "×")
                    .append(" | ").append(f.goal())
                    .append(" | ").append(f.goal().isSet() ? (f.met() ? "yes" : "**no**") : "—")
                    .append(" |\n");
        }
        return md.toString();
    }
}
