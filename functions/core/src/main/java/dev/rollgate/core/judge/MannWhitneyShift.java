package dev.rollgate.core.judge;

import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.ContinuityCorrection;
import org.apache.commons.statistics.inference.MannWhitneyUTest;

import java.util.Arrays;

/**
 * Mann-Whitney U comparison of canary and baseline samples with a Hodges-Lehmann shift estimate and confidence
 * interval.
 *
 * <p>The p-value comes from Apache Commons Statistics' {@link MannWhitneyUTest} (tie and continuity corrected).
 * The interval is that test inverted: the set of shifts {@code d} for which "canary - d and baseline have the
 * same distribution" is not rejected at {@code 1 - confidence}. Because U(d) only changes at the pairwise
 * differences, its end points are order statistics of the sorted differences, at the rank where the tie- and
 * continuity-corrected normal approximation of U crosses the critical value (ties counted within each sample,
 * since only those persist under every shift). A unit test checks these end points against the library test.
 */
public final class MannWhitneyShift {
    private static final MannWhitneyUTest TEST = MannWhitneyUTest.withDefaults()
            .with(AlternativeHypothesis.TWO_SIDED)
            .with(ContinuityCorrection.ENABLED);
    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    private MannWhitneyShift() {
    }

    /**
     * @param canary     canary sample (at least one value)
     * @param baseline   baseline sample (at least one value)
     * @param confidence two-sided confidence level of the interval, in (0, 1)
     */
    public static ShiftEstimate compare(double[] canary, double[] baseline, double confidence) {
        if (canary.length == 0 || baseline.length == 0) {
            throw new IllegalArgumentException("both samples need at least one value");
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1): " + confidence);
        }
        MannWhitneyUTest.Result result = TEST.test(canary, baseline);
        PairwiseDifferences differences = new PairwiseDifferences(canary, baseline);
        long pairs = differences.size();
        double estimate = differences.median();
        long rank = lowerRank(canary, baseline, confidence);
        double lower = differences.kth(rank);
        double upper = differences.kth(pairs - 1 - rank);
        return new ShiftEstimate(result.getStatistic(), result.getPValue(), estimate, lower, upper, confidence,
                result.hasTiedValues());
    }

    /** Zero-based index of the lower interval end in the sorted differences. */
    static long lowerRank(double[] canary, double[] baseline, double confidence) {
        long n = canary.length;
        long m = baseline.length;
        long total = n + m;
        double tieTerm = tieTerm(canary) + tieTerm(baseline);
        double variance = n * m / 12.0 * ((total + 1) - (total > 1 ? tieTerm / (total * (total - 1.0)) : 0));
        double z = STANDARD_NORMAL.inverseCumulativeProbability(1 - (1 - confidence) / 2);
        double rank = Math.floor(n * m / 2.0 - 0.5 - z * Math.sqrt(Math.max(variance, 0)));
        long maxRank = (n * m - 1) / 2;
        return (long) Math.max(0, Math.min(rank, maxRank));
    }

    private static double tieTerm(double[] sample) {
        double[] sorted = sample.clone();
        Arrays.sort(sorted);
        double sum = 0;
        int i = 0;
        while (i < sorted.length) {
            int j = i;
            while (j + 1 < sorted.length && sorted[j + 1] == sorted[i]) {
                j++;
            }
            double t = j - i + 1;
            sum += t * t * t - t;
            i = j + 1;
        }
        return sum;
    }

    static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
