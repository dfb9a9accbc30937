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

    static double[] of(String metric, List<MetricWindow> windows, JudgeSettings settings) {
        Optional<BuiltinMetric> builtin = BuiltinMetric.named(metric);
        return windows.stream()
                .map(w -> builtin.map(b -> b.valueOf(w, settings.minVolumePerPoint()))
                        .orElseGet(() -> custom(metric, w, settings)))
                .filter(OptionalDouble::isPresent)
                .mapToDouble(OptionalDouble::getAsDouble)
                .toArray();
    }

    /** Count pairs give a rate (volume rule on total), score summaries their mean (scores rule on count). */
    private static OptionalDouble custom(String metric, MetricWindow window, JudgeSettings settings) {
        CustomMetricValue value = window.custom().get(metric);
        if (value instanceof CustomMetricValue.CountPair pair && pair.total() > 0 && pair.total() >= settings.minVolumePerPoint()) {
            return OptionalDouble.of((double) pair.events() / pair.total());
        }
        if (value instanceof CustomMetricValue.ScoreSummary summary && summary.count() > 0
                && summary.count() >= settings.minScoresPerPoint()) {
            return OptionalDouble.of(summary.mean());
        }
        return OptionalDouble.empty();
    }
}
