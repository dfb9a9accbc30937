package dev.rollgate.core.simulation;

import dev.rollgate.core.metrics.Variant;

import java.time.Instant;
import java.util.Objects;

/**
 * Everything that determines a simulated run; the same spec always yields the same windows.
 *
 * @param scenario                  what the canary does
 * @param seed                      random seed
 * @param start                     windowStart of the first (one-minute) window
 * @param minutes                   number of windows per variant
 * @param baselineRequestsPerMinute mean baseline requests per minute
 * @param canaryRequestsPerMinute   mean candidate requests per minute
 * @param phi                       AR(1) coefficient of the per-minute noise (0 = independent minutes)
 * @param candidate                 variant name of the candidate's windows (canary, or shadow for a shadow stage)
 */
public record ScenarioSpec(Scenario scenario, long seed, Instant start, int minutes, int baselineRequestsPerMinute,
                           int canaryRequestsPerMinute, double phi, Variant candidate) {
    public static final int DEFAULT_MINUTES = 180;
    public static final int DEFAULT_REQUESTS_PER_MINUTE = 600;
    public static final int LOW_REQUESTS_PER_MINUTE = 20;

    public ScenarioSpec {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(candidate, "candidate");
        if (minutes < 0 || baselineRequestsPerMinute < 0 || canaryRequestsPerMinute < 0) {
            throw new IllegalArgumentException("minutes and request rates must not be negative");
        }
        if (!(phi > -1 && phi < 1)) {
            throw new IllegalArgumentException("phi must be in (-1, 1): " + phi);
        }
        if (candidate == Variant.BASELINE) {
            throw new IllegalArgumentException("the candidate cannot be the baseline");
        }
    }

    /** Three hours of one-minute windows at 600 requests/minute per variant (20 for LOW_TRAFFIC), iid noise. */
    public static ScenarioSpec of(Scenario scenario, long seed, Instant start) {
        int rate = scenario == Scenario.LOW_TRAFFIC ? LOW_REQUESTS_PER_MINUTE : DEFAULT_REQUESTS_PER_MINUTE;
        return new ScenarioSpec(scenario, seed, start, DEFAULT_MINUTES, rate, rate, 0, Variant.CANARY);
    }

    public ScenarioSpec withPhi(double newPhi) {
        return new ScenarioSpec(scenario, seed, start, minutes, baselineRequestsPerMinute, canaryRequestsPerMinute,
                newPhi, candidate);
    }

    public ScenarioSpec withMinutes(int newMinutes) {
        return new ScenarioSpec(scenario, seed, start, newMinutes, baselineRequestsPerMinute, canaryRequestsPerMinute,
                phi, candidate);
    }

    public ScenarioSpec withRequests(int baselinePerMinute, int canaryPerMinute) {
        return new ScenarioSpec(scenario, seed, start, minutes, baselinePerMinute, canaryPerMinute, phi, candidate);
    }

    public ScenarioSpec withCandidate(Variant newCandidate) {
        return new ScenarioSpec(scenario, seed, start, minutes, baselineRequestsPerMinute, canaryRequestsPerMinute,
                phi, newCandidate);
    }

    public ScenarioSpec withSeed(long newSeed) {
        return new ScenarioSpec(scenario, newSeed, start, minutes, baselineRequestsPerMinute, canaryRequestsPerMinute,
                phi, candidate);
    }
}
