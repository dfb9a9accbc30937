package dev.rollgate.console.rollouts;

import dev.rollgate.core.lifecycle.RolloutStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** One line of the rollouts list. */
public record RolloutRow(String id, String tenant, String agent, String candidateVersion, String baselineVersion,
                         RolloutStatus status, String stage, int trafficWeight, Optional<Double> lastScore,
                         Instant createdAt, Duration age) {
}
