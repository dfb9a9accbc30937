package dev.rollgate.core.policy;

import java.time.Duration;

/**
 * How a traffic stage is observed and scored.
 *
 * @param lifetime               how long the stage is analysed before it may be promoted (the canary lifetime)
 * @param interval               how often the judge scores the cumulative window
 * @param minDataPointsPerMetric fewer points than this is NO_DATA, never PASS
 * @param score                  pass / marginal thresholds
 */
public record Analysis(Duration lifetime, Duration interval, int minDataPointsPerMetric, ScoreThresholds score) {
}
