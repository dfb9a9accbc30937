package dev.rollgate.console.rollouts;

import dev.rollgate.core.metrics.LatencyQuantiles;
import dev.rollgate.core.metrics.MetricWindow;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Function;

/** The per-window values the comparison chart can plot. A window without the data has no point. */
final class WindowMetrics {
    static final Map<String, Function<MetricWindow, OptionalDouble>> ALL = new LinkedHashMap<>();

    static {
        ALL.put("error_rate", w -> ratio(w.errors(), w.requests()));
        ALL.put("latency_p99_ms", w -> w.latencyMs().map(LatencyQuantiles::p99)
                .map(OptionalDouble::of).orElse(OptionalDouble.empty()));
        ALL.put("latency_p50_ms", w -> w.latencyMs().map(LatencyQuantiles::p50)
                .map(OptionalDouble::of).orElse(OptionalDouble.empty()));
        ALL.put("policy_deny_rate", w -> ratio(w.policyDenies(), w.policyEvaluations()));
        ALL.put("safety_deny_rate", w -> ratio(w.safetyDenies(), w.requests()));
        ALL.put("parse_failure_rate", w -> ratio(w.parseFailures(), w.requests()));
    }

    private WindowMetrics() {
    }

    private static OptionalDouble ratio(long part, long whole) {
        return whole > 0 ? OptionalDouble.of((double) part / whole) : OptionalDouble.empty();
    }
}
