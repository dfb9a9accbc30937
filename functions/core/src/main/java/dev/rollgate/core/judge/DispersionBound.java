package dev.rollgate.core.judge;

import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * Turns a variance estimated from {@code df} degrees of freedom into its one-sided upper confidence bound
 * ({@code df / chi2_df(GAMMA)}): a variance from a handful of windows is often far too small by chance, and a test
 * that plugged it in would fire on noise. The factor falls towards 1 as windows accumulate (about 5.6 at 4 degrees
 * of freedom, 1.6 at 29, 1.2 at 179).
 */
final class DispersionBound {
    /** Probability that the bound is still below the true variance. */
    static final double GAMMA = 0.05;
    private static final int TABLE_SIZE = 2000;
    private static final double[] FACTORS = new double[TABLE_SIZE + 1];
    /** Standard normal quantile at GAMMA, for the Wilson-Hilferty approximation beyond the table. */
    private static final double Z_GAMMA = -1.6448536269514722;

    static {
        for (int df = 1; df <= TABLE_SIZE; df++) {
            FACTORS[df] = df / ChiSquaredDistribution.of(df).inverseCumulativeProbability(GAMMA);
        }
    }

    private DispersionBound() {
    }

    static double factor(int df) {
        if (df < 1) {
            throw new IllegalArgumentException("degrees of freedom must be >= 1: " + df);
        }
        if (df <= TABLE_SIZE) {
            return FACTORS[df];
        }
        double h = 2.0 / (9 * df);
        double quantileOverDf = Math.pow(1 - h + Z_GAMMA * Math.sqrt(h), 3);
        return 1 / quantileOverDf;
    }
}
