package dev.rollgate.cli.bench;

import dev.rollgate.core.judge.Decision;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/** Decision shares and detection times of one judge on one benchmark row. */
record RowSummary(int runs, Map<Decision, Integer> decisions, double medianMinutes, double p95Minutes) {

    static RowSummary of(List<RunOutcome> runs, Function<RunOutcome, Decision> decision,
                         ToDoubleFunction<RunOutcome> minutes) {
        Map<Decision, Integer> counts = new EnumMap<>(Decision.class);
        for (Decision d : Decision.values()) {
            counts.put(d, 0);
        }
        runs.forEach(r -> counts.merge(decision.apply(r), 1, Integer::sum));
        // A run that never rolled back has not detected anything: it counts as infinitely late, so the p95 is
        // only finite when at least 95 % of runs were caught.
        double[] detection = runs.stream()
                .mapToDouble(r -> decision.apply(r) == Decision.ROLLBACK ? minutes.applyAsDouble(r)
                        : Double.POSITIVE_INFINITY)
                .sorted().toArray();
        return new RowSummary(runs.size(), counts, quantile(detection, 0.5), quantile(detection, 0.95));
    }

    double share(Decision d) {
        return runs == 0 ? Double.NaN : 100.0 * decisions.get(d) / runs;
    }

    /** Nearest-rank quantile; NaN without values. */
    static double quantile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
