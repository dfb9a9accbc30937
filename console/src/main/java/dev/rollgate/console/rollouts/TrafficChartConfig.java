package dev.rollgate.console.rollouts;

import dev.rollgate.console.ui.Durations;

import java.util.List;
import java.util.Map;

/** Chart.js configuration of the traffic weight over time (a stepped line, 0..100 %). */
final class TrafficChartConfig {
    private TrafficChartConfig() {
    }

    static Map<String, Object> of(List<TrafficPoint> points) {
        List<String> labels = points.stream().map(p -> Durations.clock(p.at())).toList();
        List<Integer> weights = points.stream().map(TrafficPoint::weight).toList();
        return Map.of(
                "type", "line",
                "data", Map.of("labels", labels, "datasets", List.of(Map.of(
                        "label", "candidate traffic %", "data", weights, "stepped", true,
                        "borderColor", "#1f6feb", "backgroundColor", "rgba(31,111,235,0.15)", "fill", true))),
                "options", Map.of("scales", Map.of("y", Map.of("min", 0, "max", 100))));
    }
}
