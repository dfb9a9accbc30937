package dev.rollgate.core.policy;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A validated, fully resolved rollout policy: every stage carries its own gates and triggers, so nothing
 * downstream needs to know which YAML shape it came from.
 */
public record RolloutPolicy(String name, TrafficDriverKind driver, List<Stage> stages, PreflightSpec preflight,
                            List<MetricSpec> metrics, Map<String, Double> groupWeights,
                            List<CustomMetricSpec> customMetrics) {
    public RolloutPolicy {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(driver, "driver");
        stages = List.copyOf(stages);
        metrics = List.copyOf(metrics);
        groupWeights = Map.copyOf(groupWeights);
        customMetrics = List.copyOf(customMetrics);
        Objects.requireNonNull(preflight, "preflight");
    }

    public Stage stage(int index) {
        return stages.get(index);
    }

    public Optional<Stage> stageNamed(String stageName) {
        return stages.stream().filter(s -> s.name().equals(stageName)).findFirst();
    }

    public int indexOf(String stageName) {
        for (int i = 0; i < stages.size(); i++) {
            if (stages.get(i).name().equals(stageName)) {
                return i;
            }
        }
        return -1;
    }

    public Optional<MetricSpec> metric(String metricName) {
        return metrics.stream().filter(m -> m.name().equals(metricName)).findFirst();
    }
}
