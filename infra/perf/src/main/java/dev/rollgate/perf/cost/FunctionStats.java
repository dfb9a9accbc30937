package dev.rollgate.perf.cost;

import java.util.List;

/** One function's invocations and their measured durations. */
public record FunctionStats(long invocations, double meanMillis, double p50Millis, double p95Millis,
                            double maxMillis) {
    static FunctionStats of(List<Long> nanos) {
        if (nanos.isEmpty()) {
            return new FunctionStats(0, 0, 0, 0, 0);
        }
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        double mean = nanos.stream().mapToLong(Long::longValue).average().orElse(0) / 1e6;
        return new FunctionStats(sorted.length, mean, quantile(sorted, 0.50), quantile(sorted, 0.95),
                sorted[sorted.length - 1] / 1e6);
    }

    /** The nearest-rank quantile, in milliseconds. */
    private static double quantile(long[] sorted, double q) {
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }
}
