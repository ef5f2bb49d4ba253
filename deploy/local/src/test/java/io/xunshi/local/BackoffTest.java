package io.xunshi.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class BackoffTest {

    private static final Backoff BACKOFF = Backoff.DEFAULT;

    @Test
    void startsAtOneSecondAndDoublesUpToThirtyWhileTheProcessKeepsCrashing() {
        List<Long> waits = new ArrayList<>();
        Duration wait = null;
        for (int exit = 0; exit < 8; exit++) {
            wait = BACKOFF.next(wait, Duration.ofSeconds(5));
            waits.add(wait.toSeconds());
        }

        assertThat(waits).containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L);
    }

    @Test
    void aRunThatLastedAMinuteResetsTheWait() {
        assertThat(BACKOFF.next(Duration.ofSeconds(16), Duration.ofSeconds(59))).hasSeconds(30);
        assertThat(BACKOFF.next(Duration.ofSeconds(16), Duration.ofSeconds(60))).hasSeconds(1);
        assertThat(BACKOFF.next(Duration.ofSeconds(30), Duration.ofMinutes(10))).hasSeconds(1);
    }

    @Test
    void aFailedStartCountsAsARunOfNoTime() {
        assertThat(BACKOFF.next(Duration.ofSeconds(2), Duration.ZERO)).hasSeconds(4);
    }

    @Test
    void refusesAMaximumBelowTheFirstWait() {
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
