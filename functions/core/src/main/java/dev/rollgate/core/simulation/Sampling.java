package dev.rollgate.core.simulation;

import java.util.SplittableRandom;

/** The few random draws the simulator needs. */
final class Sampling {
    private Sampling() {
    }

    /** Poisson draw: exact (multiplication method) for small means, normal approximation above 30. */
    static long poisson(SplittableRandom random, double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 30) {
            return Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
        }
        double limit = Math.exp(-mean);
        long k = 0;
        double product = random.nextDouble();
        while (product > limit) {
            k++;
            product *= random.nextDouble();
        }
        return k;
    }

    /** Pareto draw with minimum 1 and tail index {@code alpha}. */
    static double pareto(SplittableRandom random, double alpha) {
        return Math.pow(1 - random.nextDouble(), -1 / alpha);
    }
}
