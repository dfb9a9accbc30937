package dev.rollgate.core.judge;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Score summaries as an agent would send them: each window draws its graded samples (normal around a mean that may
 * wander from window to window) and reports their count, mean and empirical p10/p90.
 */
final class ScoreSummaryFixture {
    static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

    private ScoreSummaryFixture() {
    }

    /**
     * @param mean          the true mean of every window
     * @param sd            the standard deviation of one graded score
     * @param gradedPerWindow graded samples per window
     * @param levelSd       sd of an independent per-window shift of the mean (traffic mix), 0 for none
     */
    static List<SequentialMeanTest.Summary> windows(long seed, int minutes, double mean, double sd,
                                                    int gradedPerWindow, double levelSd) {
        SplittableRandom random = new SplittableRandom(seed);
        List<SequentialMeanTest.Summary> out = new ArrayList<>();
        for (int m = 0; m < minutes; m++) {
            double level = mean + levelSd * gaussian(random);
            double[] scores = new double[gradedPerWindow];
            double sum = 0;
            for (int i = 0; i < scores.length; i++) {
                scores[i] = level + sd * gaussian(random);
                sum += scores[i];
            }
            Arrays.sort(scores);
            out.add(new SequentialMeanTest.Summary(T0.plusSeconds(60L * m), scores.length, sum / scores.length,
                    quantile(scores, 0.1), quantile(scores, 0.9)));
        }
        return out;
    }

    private static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    private static double gaussian(SplittableRandom random) {
        // Box-Muller: SplittableRandom has no nextGaussian on Java 17.
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
