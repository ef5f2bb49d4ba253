package io.xunshi.benchmarks;

import java.util.Locale;

/** Number formatting shared by the console and the Markdown report. */
final class Format {

    private Format() {
    }

    /** Three significant digits at most, thousands grouped: 12,345 / 123 / 4.56 / 0.789. */
    static String number(double value) {
        if (Double.isNaN(value)) {
            return "—";
        }
        double magnitude = Math.abs(value);
        if (magnitude >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (magnitude >= 100) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        if (magnitude >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
