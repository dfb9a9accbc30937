package dev.rollgate.core.judge;

/**
 * Canary-minus-baseline location shift of one metric.
 *
 * @param uStatistic  Mann-Whitney U of the canary sample
 * @param pValue      two-sided p-value for "no shift" (tie and continuity corrected)
 * @param estimate    Hodges-Lehmann estimate: median of all canary-baseline differences
 * @param lower       lower confidence bound of the shift
 * @param upper       upper confidence bound of the shift
 * @param confidence  confidence level of the bounds
 * @param tiesPresent whether the pooled sample had tied values
 */
public record ShiftEstimate(double uStatistic, double pValue, double estimate, double lower, double upper,
                            double confidence, boolean tiesPresent) {
}
