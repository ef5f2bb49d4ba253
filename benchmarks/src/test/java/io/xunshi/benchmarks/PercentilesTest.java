package io.xunshi.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void nearestRankOfOneToHundred() {
        long[] samples = new long[100];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = 100 - i;
        }
        assertThat(Percentiles.of(samples, 50)).isEqualTo(50);
        assertThat(Percentiles.of(samples, 99)).isEqualTo(99);
        assertThat(Percentiles.of(samples, 100)).isEqualTo(100);
        assertThat(Percentiles.of(samples, 1)).isEqualTo(1);
    }

    @Test
    void nearestRankRoundsUp() {
        long[] samples = { 10, 20, 30, 40 };
        assertThat(Percentiles.of(samples, 50)).isEqualTo(20);
        assertThat(Percentiles.of(samples, 51)).isEqualTo(30);
        assertThat(Percentiles.of(samples, 99)).isEqualTo(40);
        assertThat(Percentiles.of(new long[]{ 7 }, 99)).isEqualTo(7);
    }

    @Test
    void leavesTheSamplesUnsorted() {
        long[] samples = { 3, 1, 2 };
        Percentiles.of(samples, 50);
        assertThat(samples).containsExactly(3, 1, 2);
    }

    @Test
    void medianOfOddAndEvenCounts() {
        assertThat(Percentiles.median(3, 1, 2)).isEqualTo(2);
        assertThat(Percentiles.median(4, 1, 3, 2)).isEqualTo(2.5);
    }

    @Test
    void refusesNoSamples() {
        assertThatThrownBy(() -> Percentiles.of(new long[0], 50)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Percentiles.of(new long[]{ 1 }, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
