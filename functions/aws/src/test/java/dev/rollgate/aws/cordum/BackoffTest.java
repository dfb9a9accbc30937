package dev.rollgate.aws.cordum;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTest {
    private final Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofMillis(1_000),
            new SplittableRandom(42));

    @Test
    void theCapDoublesPerFailedAttemptUpToTheMaximum() {
        assertThat(backoff.capMillis(1)).isEqualTo(100);
        assertThat(backoff.capMillis(2)).isEqualTo(200);
        assertThat(backoff.capMillis(4)).isEqualTo(800);
        assertThat(backoff.capMillis(5)).isEqualTo(1_000);
        assertThat(backoff.capMillis(60)).isEqualTo(1_000);
    }

    @Test
    void pausesAreJitteredBelowTheCap() {
        long distinct = java.util.stream.IntStream.range(0, 200)
                .mapToLong(i -> backoff.pauseAfter(3).toMillis())
                .peek(p -> assertThat(p).isBetween(0L, 400L))
                .distinct().count();

        assertThat(distinct).isGreaterThan(50);
    }

    @Test
    void theLargestDrawIsTheCapItself() {
        RandomGenerator top = new RandomGenerator() {
            @Override
            public long nextLong() {
                return 0;
            }

            @Override
            public long nextLong(long bound) {
                return bound - 1;
            }
        };

        assertThat(new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), top).pauseAfter(2))
                .isEqualTo(Duration.ofMillis(200));
    }
}
