package dev.rollgate.core.judge;

import dev.rollgate.core.policy.Direction;

/**
 * One metric's comparison, with everything needed to explain it.
 *
 * @param metric          metric name
 * @param group           metric group
 * @param effectiveWeight share of the score this metric carries (group weight times weight inside the group)
 * @param critical        whether failing zeroes the score
 * @param direction       which way is worse
 * @param allowedEffect   relative shift tolerated (of the baseline median)
 * @param outcome         PASS, FAIL, NO_DATA or ERROR
 * @param shift           HIGH, LOW or NONE (null without a test)
 * @param canaryPoints    canary data points used
 * @param baselinePoints  baseline data points used
 * @param canaryMedian    canary median (null without data)
 * @param baselineMedian  baseline median (null without data)
 * @param tolerance       absolute shift tolerated: allowed effect times |baseline median| (null without data)
 * @param test            Mann-Whitney result and shift interval (null without a test)
 * @param explanation     one sentence: values, test, threshold, why
 */
public record MetricResult(String metric, String group, double effectiveWeight, boolean critical,
                           Direction direction, double allowedEffect, MetricOutcome outcome, ShiftClass shift,
                           int canaryPoints, int baselinePoints, Double canaryMedian, Double baselineMedian,
                           Double tolerance, ShiftEstimate test, String explanation) {
    public boolean failing() {
        return outcome == MetricOutcome.FAIL;
    }
}
