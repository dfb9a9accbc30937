package dev.rollgate.console.rollouts;

import dev.rollgate.console.ui.Durations;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Chart.js configuration of one metric per window, canary against baseline, on a shared time axis. */
final class ComparisonChartConfig {
    private ComparisonChartConfig() {
    }

    static Map<String, Object> of(MetricSeries series) {
        TreeSet<Instant> times = new TreeSet<>();
        series.canary().forEach(p -> times.add(p.at()));
        series.baseline().forEach(p -> times.add(p.at()));
        List<Instant> axis = new ArrayList<>(times);
        return Map.of(
                "type", "line",
                "data", Map.of(
                        "labels", axis.stream().map(Durations::clock).toList(),
                        "datasets", List.of(
                                dataset("canary", "#d9480f", align(axis, series.canary())),
                                dataset("baseline", "#2b8a3e", align(axis, series.baseline())))),
                "options", Map.of("spanGaps", true, "plugins", Map.of("title",
                        Map.of("display", true, "text", series.title()))));
    }

    private static Map<String, Object> dataset(String label, String colour, List<Double> data) {
        return Map.of("label", label, "data", data, "borderColor", colour, "backgroundColor", colour,
                "pointRadius", 2);
    }

    /** Values on the shared axis, null where the variant has no window at that time. */
    private static List<Double> align(List<Instant> axis, List<MetricSeries.Point> points) {
        List<Double> out = new ArrayList<>();
        for (Instant t : axis) {
            out.add(points.stream().filter(p -> p.at().equals(t)).map(MetricSeries.Point::value).findFirst()
                    .orElse(null));
        }
        return out;
    }
}
