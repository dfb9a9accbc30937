package dev.rollgate.console.rollouts;

import java.time.Instant;
import java.util.List;

/**
 * One metric per window for canary and baseline, for the comparison chart.
 *
 * @param metric the metric's name as the judge and the verdict rows use it (a custom family's declared name)
 * @param kind   where it comes from and what a point is: {@link MetricKind#BUILT_IN}, or a custom family's rate
 *               (count pair) or mean (score summary) per window
 */
public record MetricSeries(String metric, MetricKind kind, List<Point> canary, List<Point> baseline) {
    public MetricSeries {
        canary = List.copyOf(canary);
        baseline = List.copyOf(baseline);
    }

    public MetricSeries(String metric, List<Point> canary, List<Point> baseline) {
        this(metric, MetricKind.BUILT_IN, canary, baseline);
    }

    /** The chart title: the name, and for a custom family what each point is. */
    public String title() {
        return kind == MetricKind.BUILT_IN ? metric : metric + " (" + kind.label() + ")";
    }

    public record Point(Instant at, double value) {
    }
}
