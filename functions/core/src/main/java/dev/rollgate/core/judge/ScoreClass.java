package dev.rollgate.core.judge;

import dev.rollgate.core.policy.ScoreThresholds;

/** PASS at or above the pass threshold, MARGINAL at or above the marginal threshold, else FAIL. */
public enum ScoreClass {
    PASS,
    MARGINAL,
    FAIL;

    public static ScoreClass of(double score, ScoreThresholds thresholds) {
        if (score >= thresholds.pass()) {
            return PASS;
        }
        return score >= thresholds.marginal() ? MARGINAL : FAIL;
    }
}
