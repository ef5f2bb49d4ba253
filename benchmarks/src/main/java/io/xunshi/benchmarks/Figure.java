package io.xunshi.benchmarks;

/**
 * One measured figure next to its physical limit measured in the same run: the ratio is
 * {@code value / limit}, so for a throughput 1.0× means "as fast as the raw operation" and for a latency
 * 2.0× means "twice as slow". A figure without a limit has {@code NaN} as limit and ratio.
 */
public record Figure(String name, double value, double limit, String unit, Goal goal) {

    public static Figure withoutLimit(String name, double value, String unit, Goal goal) {
        return new Figure(name, value, Double.NaN, unit, goal);
    }

    public double ratio() {
        return value / limit;
    }

    public boolean met() {
        return goal.isMetBy(this);
    }
}
