package dev.rollgate.core.judge;

import java.util.List;

/**
 * The judge's score over the cumulative analysis window.
 *
 * @param score              weighted share of passing metrics, 0..100 (0 when a critical metric fails)
 * @param scoreClass         PASS / MARGINAL / FAIL by the policy's thresholds
 * @param scoreIfDataPassed  the score if every NO_DATA or ERROR metric had passed: below marginal only when the
 *                           failures themselves are bad enough, which is what a rollback needs
 * @param criticalFailure    a critical metric failed
 * @param metrics            per-metric results in policy order
 */
public record JudgeResult(double score, ScoreClass scoreClass, double scoreIfDataPassed, boolean criticalFailure,
                          List<MetricResult> metrics) {
    public JudgeResult {
        metrics = List.copyOf(metrics);
    }

    public boolean anyMissing() {
        return metrics.stream().anyMatch(m -> m.outcome() == MetricOutcome.NO_DATA
                || m.outcome() == MetricOutcome.ERROR);
    }
}
