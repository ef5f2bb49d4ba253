package io.xunshi.benchmarks;

import java.util.List;

/** The Markdown report of a run: the machine, the command to rerun, and one table per scenario. */
final class Report {

    static final String RERUN = "benchmarks/run";

    private Report() {
    }

    /** A scenario's result and the conditions it ran in. */
    record Section(ScenarioResult result, Conditions conditions) {

        String markdown() {
            StringBuilder md = new StringBuilder();
            md.append("## ").append(result.title()).append("\n\n");
            md.append(result.method()).append("\n\n");
            md.append(table(result.figures())).append('\n');
            md.append(conditions.markdown()).append("\n\n");
            if (!result.details().isBlank()) {
                md.append(result.details().strip()).append("\n\n");
            }
            if (!result.allGoalsMet()) {
                md.append("**Where it falls short and why.** ").append(result.shortfall()).append("\n\n");
            }
            return md.toString();
        }
    }

    static String markdown(Machine machine, List<Section> sections) {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmarks\n\n");
        md.append("Produced by the `benchmarks` module (`io.xunshi.benchmarks.Benchmarks`) from a real run; every")
                .append(" figure is measured next to its physical limit in the same run and reported as a ratio")
                .append(" (value ÷ limit), because the machine is shared with other builds and absolute numbers vary")
                .append(" from run to run. Where a figure is the median of several runs, value and limit are the")
                .append(" medians of each, each run's own ratio is listed, and the ratio is the median of those")
                .append(" (each run pairs the platform with its limit back to back, in the same conditions). Below")
                .append(" each table: the load average and this JVM's garbage collections while the scenario ran.\n\n");
        md.append("Rerun from the repository root (builds the module, starts PostgreSQL and Kafka, rewrites this")
                .append(" file):\n\n");
        md.append("```\n").append(RERUN).append("\n```\n\n");
        md.append("`JAVA_OPTS=-Dxunshi.benchmarks.only=RestApiScenario benchmarks/run` measures one section again and")
                .append(" replaces only it. The REST section (e) runs the packaged platform — the four services as")
                .append(" processes, with their own Kafka and PostgreSQL — and has goals instead of physical limits;")
                .append(" `-Dxunshi.benchmarks.rest.label=…` labels it (e.g. a baseline before a change), and")
                .append(" later runs keep a labelled section (its title names the label, date and commit) beside their own.\n\n");
        md.append("## Machine\n\n").append(machine.markdown()).append('\n');
        for (Section section : sections) {
            md.append(section.markdown());
        }
        return md.toString();
    }

    /**
     * The report when only some scenarios ran: the existing report with the sections of the same title replaced
     * and new ones added at the end, so one scenario can be measured again without losing the others.
     */
    static String merge(String existing, List<Section> sections) {
        StringBuilder md = new StringBuilder(
                existing.isBlank() ? "# Benchmarks\n\n" : existing.stripTrailing() + "\n\n");
        for (Section section : sections) {
            String fresh = section.markdown();
            String heading = "## " + section.result().title() + "\n";
            int start = md.indexOf(heading);
            if (start < 0) {
                md.append(fresh);
                continue;
            }
            int end = md.indexOf("\n## ", start + heading.length());
            md.replace(start, end < 0 ? md.length() : end + 1, fresh);
        }
        return md.toString().stripTrailing() + "\n";
    }

    /**
     * The sections of an existing report that name a labelled measurement ({@code ## title — label (…)}), e.g. a
     * baseline before a change, which a full run keeps unless it measures the same title again.
     */
    static String labelledSections(String existing, List<Section> regenerated) {
        StringBuilder kept = new StringBuilder();
        int at = existing.indexOf("\n## ");
        while (at >= 0) {
            int next = existing.indexOf("\n## ", at + 1);
            String block = existing.substring(at + 1, next < 0 ? existing.length() : next + 1);
            String heading = block.lines().findFirst().orElse("");
            boolean measuredAgain = regenerated.stream().anyMatch(s -> heading.equals("## " + s.result().title()));
            if (heading.contains(" — ") && !measuredAgain) {
                kept.append(block.stripTrailing()).append("\n\n");
            }
            at = next;
        }
        return kept.toString();
    }

    private static String runs(double[] ratios) {
        if (ratios.length == 0) {
            return "—";
        }
        StringBuilder text = new StringBuilder();
        for (double ratio : ratios) {
            text.append(text.length() == 0 ? "" : ", ").append(Format.number(ratio)).append('×');
        }
        return text.toString();
    }

    static String table(List<Figure> figures) {
        StringBuilder md = new StringBuilder();
        md.append("| Figure | Value | Physical limit | Ratio | Ratio in each run | Goal | Met |\n");
        md.append("|---|---:|---:|---:|---|---|---|\n");
        for (Figure f : figures) {
            md.append("| ").append(f.name())
                    .append(" | ").append(Format.number(f.value())).append(' ').append(f.unit())
                    .append(" | ").append(Double.isNaN(f.limit()) ? "—" : Format.number(f.limit()) + " " + f.unit())
                    .append(" | ").append(Double.isNaN(f.ratio()) ? "—" : Format.number(f.ratio()) + "×")
                    .append(" | ").append(runs(f.runRatios()))
                    .append(" | ").append(f.goal())
                    .append(" | ").append(f.goal().isSet() ? (f.met() ? "yes" : "**no**") : "—")
                    .append(" |\n");
        }
        return md.toString();
    }
}
