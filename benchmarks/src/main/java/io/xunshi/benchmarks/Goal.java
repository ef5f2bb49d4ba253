package io.xunshi.benchmarks;

/**
 * What a figure should reach: a least ratio to its physical limit, a least or greatest value, or nothing (the
 * figure is reported for context only).
 */
public record Goal(Kind kind, double bound, String unit) {

    enum Kind {
        MIN_RATIO, MIN_VALUE, MAX_VALUE, NONE
    }

    public static Goal minRatio(double ratio) {
        return new Goal(Kind.MIN_RATIO, ratio, "×");
    }

    public static Goal minValue(double value, String unit) {
        return new Goal(Kind.MIN_VALUE, value, unit);
    }

    public static Goal maxValue(double value, String unit) {
        return new Goal(Kind.MAX_VALUE, value, unit);
    }

    public static Goal none() {
        return new Goal(Kind.NONE, Double.NaN, "");
    }

    boolean isSet() {
        return kind != Kind.NONE;
    }

    boolean isMetBy(Figure figure) {
        return switch (kind) {
            case MIN_RATIO -> figure.ratio() >= bound;
            case MIN_VALUE -> figure.value() >= bound;
            case MAX_VALUE -> figure.value() <= bound;
            case NONE -> true;
        };
    }

    @Override
    public String toString() {
        return switch (kind) {
            case MIN_RATIO -> "≥ " + Format.number(bound) + "×";
            case MIN_VALUE -> "≥ " + Format.number(bound) + " " + unit;
            case MAX_VALUE -> "≤ " + Format.number(bound) + " " + unit;
            case NONE -> "—";
        };
    }
}
