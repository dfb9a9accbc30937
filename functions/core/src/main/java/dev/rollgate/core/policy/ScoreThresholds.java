package dev.rollgate.core.policy;

/** Judge score classes: PASS at or above {@code pass}, MARGINAL at or above {@code marginal}, else FAIL. */
public record ScoreThresholds(double pass, double marginal) {
    public static final ScoreThresholds DEFAULT = new ScoreThresholds(95, 75);
}
