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
        long atMostLo = 0;
        long atMostHi = size();
        long few = 2L * (x.length + y.length);
        // Invariant: atMostLo = #(d <= lo) < k+1 <= atMostHi = #(d <= hi). Narrow until few differences remain
        // in (lo, hi], then pick among them directly.
        for (int step = 0; step < BISECTION_STEPS && atMostHi - atMostLo > few; step++) {
            double mid = lo + (hi - lo) / 2;
            if (mid <= lo || mid >= hi) {
                return smallestAbove(lo);
            }
            long atMostMid = countAtMost(mid);
            if (atMostMid >= k + 1) {
                hi = mid;
                atMostHi = atMostMid;
            } else {
                lo = mid;
                atMostLo = atMostMid;
            }
        }
        if (atMostHi - atMostLo > few) {
            return smallestAbove(lo);
        }
        double[] between = between(lo, hi, (int) (atMostHi - atMostLo));
        Arrays.sort(between);
        return between[(int) (k - atMostLo)];
    }

    /** The differences in (lo, hi]; there are exactly {@code count} of them. */
    private double[] between(double lo, double hi, int count) {
        double[] out = new double[count];
        int n = 0;
        int first = 0; // first j with x[i] - y[j] <= hi
        int last = 0;  // first j with x[i] - y[j] <= lo
        for (double xi : x) {
            while (first < y.length && xi - y[first] > hi) {
                first++;
            }
            while (last < y.length && xi - y[last] > lo) {
                last++;
            }
            for (int j = first; j < last; j++) {
                out[n++] = xi - y[j];
            }
        }
        return out;
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
