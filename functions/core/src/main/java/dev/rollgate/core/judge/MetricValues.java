package dev.rollgate.core.judge;

import dev.rollgate.core.metrics.CustomMetricValue;
import dev.rollgate.core.metrics.MetricWindow;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/** Turns windows into one metric's data points: a built-in metric or a policy-declared custom family. */
final class MetricValues {
    private MetricValues() {
    }

    static double[] of(String metric, List<MetricWindow> windows, long minVolume) {
        Optional<BuiltinMetric> builtin = BuiltinMetric.named(metric);
        return windows.stream()
                .map(w -> builtin.map(b -> b.valueOf(w, minVolume)).orElseGet(() -> custom(metric, w, minVolume)))
                .filter(OptionalDouble::isPresent)
                .mapToDouble(OptionalDouble::getAsDouble)
                .toArray();
    }

    /** Count pairs give a rate, score summaries their mean; the volume rule applies to total / count. */
    private static OptionalDouble custom(String metric, MetricWindow window, long minVolume) {
        CustomMetricValue value = window.custom().get(metric);
        if (value instanceof CustomMetricValue.CountPair pair && pair.total() > 0 && pair.total() >= minVolume) {
            return OptionalDouble.of((double) pair.events() / pair.total());
        }
        if (value instanceof CustomMetricValue.ScoreSummary summary && summary.count() > 0
                && summary.count() >= minVolume) {
            return OptionalDouble.of(summary.mean());
        }
        return OptionalDouble.empty();
    }
}
