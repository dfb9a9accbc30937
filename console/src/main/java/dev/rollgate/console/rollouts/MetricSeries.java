package dev.rollgate.console.rollouts;

import java.time.Instant;
import java.util.List;

/** One metric per window for canary and baseline, for the comparison chart. */
public record MetricSeries(String metric, List<Point> canary, List<Point> baseline) {
    public MetricSeries {
        canary = List.copyOf(canary);
        baseline = List.copyOf(baseline);
    }

    public record Point(Instant at, double value) {
    }
}
