package dev.rollgate.core.simulation;

import java.util.SplittableRandom;

/** Stationary AR(1) noise with unit variance: e(t) = phi e(t-1) + sqrt(1 - phi^2) z(t). */
final class ArNoise {
    private final SplittableRandom random;
    private final double phi;
    private final double innovation;
    private double value;

    ArNoise(SplittableRandom random, double phi) {
        this.random = random;
        this.phi = phi;
        this.innovation = Math.sqrt(1 - phi * phi);
        this.value = random.nextGaussian();
    }

    double next() {
        double current = value;
        value = phi * value + innovation * random.nextGaussian();
        return current;
    }
}
