package dev.rollgate.console.rollouts;

import dev.rollgate.core.metrics.CustomMetricValue;
import dev.rollgate.core.metrics.MetricWindow;
import dev.rollgate.core.policy.CustomMetricSpec;
import dev.rollgate.core.policy.RolloutPolicy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * The custom agent-quality families of a rollout, for the charts and verdict rows: the policy's declarations in
 * their order, then any family the windows carry that the policy (e.g. an unreadable one) does not name. A window
 * without the family has no point, never a zero.
 */
final class CustomMetricSeries {
    private CustomMetricSeries() {
    }

    /** Family name to kind, declared families first. */
    static Map<String, MetricKind> families(Optional<RolloutPolicy> policy, List<MetricWindow> windows) {
        Map<String, MetricKind> families = new LinkedHashMap<>();
        policy.ifPresent(p -> p.customMetrics().forEach(c -> families.put(c.name(),
                c.kind() == CustomMetricSpec.Kind.COUNT ? MetricKind.CUSTOM_COUNT : MetricKind.CUSTOM_SCORE)));
        Map<String, MetricKind> seen = new TreeMap<>();
        for (MetricWindow w : windows) {
            w.custom().forEach((name, value) -> seen.putIfAbsent(name,
                    value instanceof CustomMetricValue.CountPair ? MetricKind.CUSTOM_COUNT : MetricKind.CUSTOM_SCORE));
        }
        seen.forEach(families::putIfAbsent);
        return families;
    }

    /** The kind of a metric named in a verdict: a declared custom family's kind, else built-in. */
    static MetricKind kindOf(String metric, Optional<RolloutPolicy> policy) {
        return policy.flatMap(p -> p.customMetrics().stream().filter(c -> c.name().equals(metric)).findFirst())
                .map(c -> c.kind() == CustomMetricSpec.Kind.COUNT ? MetricKind.CUSTOM_COUNT : MetricKind.CUSTOM_SCORE)
                .orElse(MetricKind.BUILT_IN);
    }

    /** One series per family with data on either side. */
    static List<MetricSeries> series(Map<String, MetricKind> families, List<MetricWindow> canary,
                                     List<MetricWindow> baseline) {
        List<MetricSeries> series = new ArrayList<>();
        families.forEach((name, kind) -> {
            List<MetricSeries.Point> c = points(name, canary);
            List<MetricSeries.Point> b = points(name, baseline);
            if (!c.isEmpty() || !b.isEmpty()) {
                series.add(new MetricSeries(name, kind, c, b));
            }
        });
        return series;
    }

    private static List<MetricSeries.Point> points(String name, List<MetricWindow> windows) {
        List<MetricSeries.Point> points = new ArrayList<>();
        for (MetricWindow w : windows) {
            value(w.custom().get(name)).ifPresent(v -> points.add(new MetricSeries.Point(w.windowStart(), v)));
        }
        return points;
    }

    /** A count pair's rate (none without a total), a score summary's mean (none without graded samples). */
    static OptionalDouble value(CustomMetricValue value) {
        if (value instanceof CustomMetricValue.CountPair pair && pair.total() > 0) {
            return OptionalDouble.of((double) pair.events() / pair.total());
        }
        if (value instanceof CustomMetricValue.ScoreSummary score && score.count() > 0) {
            return OptionalDouble.of(score.mean());
        }
        return OptionalDouble.empty();
    }
}
