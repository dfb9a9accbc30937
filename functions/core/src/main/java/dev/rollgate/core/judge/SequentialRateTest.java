package dev.rollgate.core.judge;

import java.time.Instant;
import java.util.List;

/**
 * Anytime-valid tests on event counts: mixture likelihood ratios (e-processes) that may be looked at after every
 * window. By Ville's inequality, the chance that the e-value ever reaches {@code 1/alpha} while the null holds is
 * at most {@code alpha}, however often it is checked, so each test fires the first time it does.
 *
 * <p>The ratio test compares canary and baseline: given the events in a window, the canary's share of them is
 * binomial with success probability {@code rho*a / (rho*a + b)} ({@code a}, {@code b} the two denominators,
 * {@code rho} the rate ratio). The null is "the canary is no worse" ({@code rho <= 1}); the alternative mixes
 * ratios at and above the policy threshold, so the test is built to catch a ratio of the threshold and ratios
 * well below it almost never fire. Because likelihood ratios of this family are monotone, the e-process stays
 * valid for every {@code rho <= 1}, not only 1.
 *
 * <p>The absolute test checks one rate against a ceiling: null "rate <= ceiling", alternative a mixture of rates
 * above it.
 */
public final class SequentialRateTest {
    /** Alternatives as multiples (ratio test: powers) of the threshold, with prior weights summing to 1. */
    private static final double[] RATIO_POWERS = {1.0, 1.5, 2.0, 3.0};
    private static final double[] ABSOLUTE_MULTIPLES = {1.25, 1.5, 2.0, 3.0};
    private static final double[] PRIOR = {0.4, 0.3, 0.2, 0.1};
    /** Smallest alternative ratio: below it a regression is too small to catch in a stage's traffic. */
    public static final double MIN_ALTERNATIVE_RATIO = 1.25;

    private SequentialRateTest() {
    }

    /** One time step of a two-sample comparison: canary events / denominator, baseline events / denominator. */
    public record PairedCounts(Instant at, long canaryEvents, long canaryVolume, long baselineEvents,
                               long baselineVolume) {
    }

    /** One time step of a one-sample rate. */
    public record Counts(Instant at, long events, long volume) {
    }

    /**
     * @param firedAt      time step at which the e-value first reached 1/alpha, or null
     * @param maxEvidence  the largest e-value reached
     * @param observed     the pooled observed value (ratio or rate) over all steps; NaN without data
     */
    public record Outcome(Instant firedAt, double maxEvidence, double observed) {
        public boolean fired() {
            return firedAt != null;
        }
    }

    /** Tests "canary rate / baseline rate <= 1" against ratios at and above {@code threshold} (> 1). */
    public static Outcome ratio(List<PairedCounts> steps, double threshold, double alpha) {
        if (!(threshold >= 1) || Double.isInfinite(threshold)) {
            throw new IllegalArgumentException("a ratio threshold must be finite and at least 1: " + threshold);
        }
        // A threshold of 1 asks for "any increase": the alternatives then start at the smallest ratio considered.
        double base = Math.max(threshold, MIN_ALTERNATIVE_RATIO);
        double[] rhos = new double[RATIO_POWERS.length];
        for (int k = 0; k < rhos.length; k++) {
            rhos[k] = Math.pow(base, RATIO_POWERS[k]);
        }
        double[] logLr = new double[rhos.length];
        double bound = Math.log(1 / alpha);
        Instant firedAt = null;
        double maxLog = 0; // the e-process starts at 1
        long x = 0, a = 0, y = 0, b = 0;
        for (PairedCounts step : steps) {
            x += step.canaryEvents();
            a += step.canaryVolume();
            y += step.baselineEvents();
            b += step.baselineVolume();
            if (step.canaryVolume() <= 0 || step.baselineVolume() <= 0
                    || step.canaryEvents() + step.baselineEvents() == 0) {
                continue;
            }
            double share = (double) step.canaryVolume() / (step.canaryVolume() + step.baselineVolume());
            for (int k = 0; k < rhos.length; k++) {
                double alt = rhos[k] * share / (rhos[k] * share + (1 - share));
                logLr[k] += step.canaryEvents() * Math.log(alt / share)
                        + step.baselineEvents() * Math.log((1 - alt) / (1 - share));
            }
            double logE = logMixture(logLr);
            maxLog = Math.max(maxLog, logE);
            if (firedAt == null && logE >= bound) {
                firedAt = step.at();
            }
        }
        double observed = a > 0 && b > 0 && y > 0 ? ((double) x / a) / ((double) y / b)
                : (x == 0 ? Double.NaN : Double.POSITIVE_INFINITY);
        return new Outcome(firedAt, Math.exp(Math.min(Math.max(maxLog, -700), 690)), observed);
    }

    /** Tests "rate <= ceiling" (0 < ceiling < 1) against rates above it. */
    public static Outcome absolute(List<Counts> steps, double ceiling, double alpha) {
        if (!(ceiling >= 0 && ceiling <= 1)) {
            throw new IllegalArgumentException("a rate ceiling must be in [0, 1]: " + ceiling);
        }
        if (ceiling == 0 || ceiling == 1) {
            return boundaryCeiling(steps, ceiling);
        }
        double[] alts = new double[ABSOLUTE_MULTIPLES.length];
        for (int k = 0; k < alts.length; k++) {
            alts[k] = Math.min(ceiling * ABSOLUTE_MULTIPLES[k], (1 + ceiling) / 2);
        }
        double[] logLr = new double[alts.length];
        double bound = Math.log(1 / alpha);
        Instant firedAt = null;
        double maxLog = 0; // the e-process starts at 1
        long events = 0, volume = 0;
        for (Counts step : steps) {
            if (step.volume() <= 0) {
                continue;
            }
            events += step.events();
            volume += step.volume();
            long misses = step.volume() - step.events();
            for (int k = 0; k < alts.length; k++) {
                logLr[k] += step.events() * Math.log(alts[k] / ceiling)
                        + misses * Math.log((1 - alts[k]) / (1 - ceiling));
            }
            double logE = logMixture(logLr);
            maxLog = Math.max(maxLog, logE);
            if (firedAt == null && logE >= bound) {
                firedAt = step.at();
            }
        }
        return new Outcome(firedAt, Math.exp(Math.min(Math.max(maxLog, -700), 690)), volume > 0 ? (double) events / volume : Double.NaN);
    }

    /** Ceiling 0: any event is proof; ceiling 1: a rate can never exceed it. No statistics needed. */
    private static Outcome boundaryCeiling(List<Counts> steps, double ceiling) {
        long events = 0, volume = 0;
        Instant firedAt = null;
        for (Counts step : steps) {
            events += step.events();
            volume += step.volume();
            if (firedAt == null && ceiling == 0 && step.events() > 0) {
                firedAt = step.at();
            }
        }
        return new Outcome(firedAt, firedAt != null ? Double.POSITIVE_INFINITY : 1,
                volume > 0 ? (double) events / volume : Double.NaN);
    }

    private static double logMixture(double[] logLr) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : logLr) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (int k = 0; k < logLr.length; k++) {
            sum += PRIOR[k] * Math.exp(logLr[k] - max);
        }
        return max + Math.log(sum);
    }
}
