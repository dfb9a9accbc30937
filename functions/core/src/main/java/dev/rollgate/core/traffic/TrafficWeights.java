package dev.rollgate.core.traffic;

/** Weight rules shared by drivers: whole percent from 0 (all baseline) to 100 (all candidate). */
public final class TrafficWeights {
    private TrafficWeights() {
    }

    public static int requirePercent(int weight) {
        if (weight < 0 || weight > 100) {
            throw new IllegalArgumentException("traffic weight must be 0..100 percent, was " + weight);
        }
        return weight;
    }

    /** A routing fraction (0..1) as whole percent, rounded to the nearest percent. */
    public static int percentOf(double fraction) {
        if (Double.isNaN(fraction) || fraction < 0.0 || fraction > 1.0) {
            throw new IllegalArgumentException("routing fraction must be 0..1, was " + fraction);
        }
        return (int) Math.round(fraction * 100.0);
    }

    public static double fractionOf(int percent) {
        return requirePercent(percent) / 100.0;
    }
}
