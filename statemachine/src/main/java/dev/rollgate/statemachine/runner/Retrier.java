package dev.rollgate.statemachine.runner;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** One validated Retry entry with the Step Functions defaults filled in (1 s interval, 3 attempts, rate 2.0). */
record Retrier(List<String> errorEquals, double intervalSeconds, int maxAttempts, double backoffRate,
               Optional<Double> maxDelaySeconds) {

    boolean matches(String error) {
        return errorEquals.stream().anyMatch(equals -> StatesErrors.matches(equals, error));
    }

    /** The wait before retry number {@code retriesSoFar + 1}: interval x rate^retriesSoFar, capped. */
    Duration delayBeforeRetry(int retriesSoFar) {
        double seconds = intervalSeconds * Math.pow(backoffRate, retriesSoFar);
        if (maxDelaySeconds.isPresent()) {
            seconds = Math.min(seconds, maxDelaySeconds.get());
        }
        return Duration.ofMillis(Math.round(seconds * 1000.0));
    }
}
