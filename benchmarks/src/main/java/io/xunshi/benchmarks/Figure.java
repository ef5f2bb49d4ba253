package io.xunshi.benchmarks;

/**
 * One measured figure next to its physical limit measured in the same run: the ratio is
 * {@code value / limit}, so for a throughput 1.0× means "as fast as the raw operation" and for a latency
 * 2.0× means "twice as slow". A figure without a limit has {@code NaN} as limit and ratio. When the figure is
 * the median of repeated runs, {@code runRatios} holds each run's own ratio — platform and limit measured
 * back to back, in the same conditions — and the ratio is their median, which a change of load between
 * runs disturbs less than the ratio of the two medians.
 */
public record Figure(String name, double value, double limit, String unit, Goal goal, double[] runRatios) {

    public Figure(String name, double value, double limit, String unit, Goal goal) {
        this(name, value, limit, unit, goal, new double[0]);
    }

    public static Figure withoutLimit(String name, double value, String unit, Goal goal) {
        return new Figure(name, value, Double.NaN, unit, goal);
    }

    /** The median of repeated runs of the platform and of the limit, with each run's ratio. */
    public static Figure medianOf(String name, double[] values, double[] limits, String unit, Goal goal) {
        double[] ratios = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            ratios[i] = values[i] / limits[i];
        }
        return new Figure(name, Percentiles.median(values), Percentiles.median(limits), unit, goal, ratios);
    }

    public double ratio() {
        return runRatios.length > 0 ? Percentiles.median(runRatios) : value / limit;
    }

    public boolean met() {
        return goal.isMetBy(this);
    }
}
