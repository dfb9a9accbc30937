package dev.rollgate.core.judge;

import java.util.Arrays;

/**
 * Order statistics of all n*m differences {@code x[i] - y[j]} without materialising them: bisection on the
 * value with a linear two-pointer count, then a snap to the exact difference. O((n + m) log) per statistic
 * instead of sorting n*m numbers, which matters for long stages and the replicated benchmark.
 */
final class PairwiseDifferences {
    private static final int BISECTION_STEPS = 200;

    private final double[] x;
    private final double[] y;

    PairwiseDifferences(double[] x, double[] y) {
        this.x = x.clone();
        this.y = y.clone();
        Arrays.sort(this.x);
        Arrays.sort(this.y);
    }

    long size() {
        return (long) x.length * y.length;
    }

    /** The k-th smallest difference, k zero-based. */
    double kth(long k) {
        if (k < 0 || k >= size()) {
            throw new IllegalArgumentException("rank out of range: " + k);
        }
        double lo = Math.nextDown(x[0] - y[y.length - 1]);
        double hi = x[x.length - 1] - y[0];
        // Invariant: fewer than k+1 differences are <= lo, at least k+1 are <= hi.
        for (int step = 0; step < BISECTION_STEPS; step++) {
            double mid = lo + (hi - lo) / 2;
            if (mid <= lo || mid >= hi) {
                break;
            }
            if (countAtMost(mid) >= k + 1) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return smallestAbove(lo);
    }

    /** Median of the differences (the Hodges-Lehmann estimate). */
    double median() {
        long n = size();
        return n % 2 == 1 ? kth(n / 2) : (kth(n / 2 - 1) + kth(n / 2)) / 2;
    }

    /** Number of differences {@code <= d}; x[i] - y[j] falls as j grows, so each row is a suffix of y. */
    long countAtMost(double d) {
        long count = 0;
        int j = 0;
        for (double xi : x) {
            while (j < y.length && xi - y[j] > d) {
                j++;
            }
            count += y.length - j;
        }
        return count;
    }

    /** The smallest difference strictly greater than {@code d}. */
    private double smallestAbove(double d) {
        double best = Double.POSITIVE_INFINITY;
        int j = y.length - 1;
        for (int i = x.length - 1; i >= 0; i--) {
            // For falling x[i] the last j with x[i] - y[j] > d moves left.
            while (j >= 0 && !(x[i] - y[j] > d)) {
                j--;
            }
            if (j < 0) {
                break;
            }
            best = Math.min(best, x[i] - y[j]);
        }
        return best;
    }
}
