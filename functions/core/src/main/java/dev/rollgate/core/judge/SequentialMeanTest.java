package dev.rollgate.core.judge;

import java.time.Instant;
import java.util.List;

/**
 * A sequential one-sided test of a continuous score's mean against an absolute threshold, from the per-window
 * summaries a window carries (graded-sample count, mean, p10, p90), checked after every window like the rate
 * triggers in {@link SequentialRateTest}.
 *
 * <p>Null: the candidate's mean is on the good side of the threshold (at or above a floor, at or below a
 * ceiling). After each window the pooled, count-weighted mean {@code m} of all {@code N} graded samples so far
 * gives {@code z = sqrt(N) * (threshold - m) / sd} (sign flipped for a ceiling). The e-value is a likelihood-ratio
 * mixture of normal alternatives lying {@code 0.05, 0.1, 0.2, 0.4} standard deviations of one graded score beyond
 * the threshold (weights 0.4, 0.3, 0.2, 0.1) against a mean exactly at it:
 * {@code sum w_k exp(d_k z sqrt(N) - d_k^2 N / 2)}. With a known {@code sd} this is a nonnegative martingale under
 * a mean at the threshold and a supermartingale under any better mean (monotone likelihood ratio), so by Ville's
 * inequality it reaches {@code 1/alpha} with probability at most {@code alpha}, however often it is looked at.
 *
 * <p>The standard deviation is not known; it is estimated after each window as the larger of two estimates, so
 * that an error errs towards not firing: the count-weighted mean of the windows' spreads ({@code (p90 - p10)} of a
 * normal sample is 2.563 sd), and the between-window dispersion of the means
 * ({@code sum n_i (m_i - m)^2 / (k-1)}, which estimates the same variance when windows are independent draws and
 * grows when the mean wanders from window to window with the traffic mix) raised to its 95 % upper confidence
 * bound ({@link DispersionBound}), since a dispersion from a few windows is often far too small by chance. With a
 * plug-in estimate the bound is approximate rather than exact; the unit tests measure about 1 % false firings at
 * alpha 0.05 exactly at the threshold, with and without wandering means. The test starts at the second window
 * with graded samples, when the dispersion exists. Window means of ten or more graded samples are close to normal
 * whatever the score's own distribution.
 */
public final class SequentialMeanTest {
    /** Alternatives: distances beyond the threshold in standard deviations of one graded score. */
    private static final double[] EFFECTS = {0.05, 0.1, 0.2, 0.4};
    private static final double[] PRIOR = {0.4, 0.3, 0.2, 0.1};
    /** p90 - p10 of a normal distribution, in standard deviations. */
    private static final double NORMAL_P10_TO_P90 = 2 * 1.2815515655446004;
    /** Windows with graded samples needed before the test looks (the dispersion needs two). */
    static final int MIN_WINDOWS = 2;

    private SequentialMeanTest() {
    }

    /** Which side of the threshold is bad. */
    public enum Side {
        /** A mean below the threshold is bad ({@code rollback_below}). */
        BELOW,
        /** A mean above the threshold is bad ({@code rollback_above}). */
        ABOVE
    }

    /** One window's score summary: {@code count} graded samples with their mean, p10 and p90. */
    public record Summary(Instant at, long count, double mean, double p10, double p90) {
    }

    /**
     * @param firedAt     the window at which the e-value first reached 1/alpha, or null
     * @param maxEvidence the largest e-value reached (1 before the test starts)
     * @param mean        the pooled count-weighted mean over all windows; NaN without graded samples
     * @param samples     graded samples over all windows
     * @param windows     windows with graded samples
     * @param sd          the standard deviation of one graded score as estimated after the last window; NaN when
     *                    the test never started
     */
    public record Outcome(Instant firedAt, double maxEvidence, double mean, long samples, int windows, double sd) {
        public boolean fired() {
            return firedAt != null;
        }
    }

    /**
     * Tests whether the mean is on the good side of {@code threshold}, window by window in the given order.
     *
     * @throws IllegalArgumentException when threshold or alpha are out of range
     */
    public static Outcome test(List<Summary> steps, double threshold, Side side, double alpha) {
        if (!Double.isFinite(threshold)) {
            throw new IllegalArgumentException("a score threshold must be finite: " + threshold);
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1): " + alpha);
        }
        double sign = side == Side.BELOW ? 1 : -1;
        // A floor on the variance only so that constant scores (every sample identical) do not divide by zero;
        // with no spread at all a pooled mean beyond the threshold is proof in itself.
        double minVariance = Math.pow(1e-9 * Math.max(1, Math.abs(threshold)), 2);
        double bound = Math.log(1 / alpha);
        long n = 0;
        int windows = 0;
        double sum = 0, sumSquares = 0, spreadVariance = 0;
        double maxLog = 0; // the e-process starts at 1
        double sd = Double.NaN;
        Instant firedAt = null;
        for (Summary step : steps) {
            if (step.count() <= 0) {
                continue;
            }
            windows++;
            n += step.count();
            sum += step.count() * step.mean();
            sumSquares += step.count() * step.mean() * step.mean();
            double windowSd = Math.max(0, step.p90() - step.p10()) / NORMAL_P10_TO_P90;
            spreadVariance += step.count() * windowSd * windowSd;
            if (windows < MIN_WINDOWS) {
                continue;
            }
            double mean = sum / n;
            double dispersion = Math.max(0, sumSquares - n * mean * mean) / (windows - 1)
                    * DispersionBound.factor(windows - 1);
            double variance = Math.max(minVariance, Math.max(spreadVariance / n, dispersion));
            sd = Math.sqrt(variance);
            // Standardised distance beyond the threshold per graded sample, positive on the bad side.
            double beyond = sign * (threshold - mean) / sd;
            double logE = logMixture(beyond, n);
            maxLog = Math.max(maxLog, logE);
            if (firedAt == null && logE >= bound) {
                firedAt = step.at();
            }
        }
        return new Outcome(firedAt, Math.exp(Math.min(maxLog, 690)), n > 0 ? sum / n : Double.NaN, n, windows, sd);
    }

    /** log of sum_k w_k exp(N (d_k * beyond - d_k^2 / 2)), computed without overflow. */
    private static double logMixture(double beyond, long n) {
        double[] terms = new double[EFFECTS.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < EFFECTS.length; k++) {
            terms[k] = n * (EFFECTS[k] * beyond - EFFECTS[k] * EFFECTS[k] / 2);
            max = Math.max(max, terms[k]);
        }
        double total = 0;
        for (int k = 0; k < EFFECTS.length; k++) {
            total += PRIOR[k] * Math.exp(terms[k] - max);
        }
        return max + Math.log(total);
    }
}
