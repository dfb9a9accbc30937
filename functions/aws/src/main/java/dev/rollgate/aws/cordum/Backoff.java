package dev.rollgate.aws.cordum;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with full jitter: the pause before attempt {@code n+1} is uniform in
 * {@code [0, min(max, initial * 2^(n-1))]}, so many clients retrying together spread out instead of hitting the
 * service in waves.
 */
final class Backoff {
    private final Duration initial;
    private final Duration max;
    private final RandomGenerator random;

    Backoff(Duration initial, Duration max, RandomGenerator random) {
        this.initial = initial;
        this.max = max;
        this.random = random;
    }

    /** The pause after {@code failedAttempts} failed attempts (1 for the pause before the second attempt). */
    Duration pauseAfter(int failedAttempts) {
        long cap = capMillis(failedAttempts);
        return Duration.ofMillis(cap == 0 ? 0 : random.nextLong(cap + 1));
    }

    long capMillis(int failedAttempts) {
        int shift = Math.min(Math.max(failedAttempts - 1, 0), 30);
        long cap = initial.toMillis() << shift;
        return Math.min(cap, max.toMillis());
    }
}
