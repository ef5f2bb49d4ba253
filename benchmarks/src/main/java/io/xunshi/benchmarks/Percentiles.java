package io.xunshi.benchmarks;

import java.util.Arrays;

/** Percentiles by the nearest-rank method, and the median of repeated measurements. */
public final class Percentiles {

    private Percentiles() {
    }

    /**
     * The smallest sample such that at least {@code percent} % of the samples are less than or equal to it
     * (nearest rank). The samples need not be sorted; they are not modified.
     */
    public static long of(long[] samples, double percent) {
        if (samples.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        if (percent <= 0 || percent > 100) {
            throw new IllegalArgumentException("percent must be in (0, 100]: " + percent);
        }
        long[] sorted = samples.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }

    /** The median of repeated measurements: the middle one, or the mean of the two middle ones. */
    public static double median(double... values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
