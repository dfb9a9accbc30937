package dev.rollgate.core.judge;

import dev.rollgate.core.metrics.MetricWindow;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

/**
 * The metrics the judge derives from every window. A window is one data point of a metric only when the
 * metric's denominator has at least the judge's minimum volume: a rate or a p99 from a handful of requests
 * is mostly noise, and counting it would let thin traffic look like plenty of evidence.
 */
public enum BuiltinMetric {
    ERROR_RATE("error_rate", MetricWindow::errors, MetricWindow::requests),
    LATENCY_P50("latency_p50", l -> l.p50()),
    LATENCY_P90("latency_p90", l -> l.p90()),
    LATENCY_P99("latency_p99", l -> l.p99()),
    POLICY_DENY_RATE("policy_deny_rate", MetricWindow::policyDenies, MetricWindow::policyEvaluations),
    SAFETY_DENY_RATE("safety_deny_rate", MetricWindow::safetyDenies, MetricWindow::requests),
    PARSE_FAILURE_RATE("parse_failure_rate", MetricWindow::parseFailures, MetricWindow::requests),
    SCHEMA_VIOLATION_RATE("schema_violation_rate", MetricWindow::schemaViolations, MetricWindow::requests);

    private final String metricName;
    private final ToLongFunction<MetricWindow> numerator;
    private final ToLongFunction<MetricWindow> denominator;
    private final ToDoubleFunction<dev.rollgate.core.metrics.LatencyQuantiles> quantile;

    BuiltinMetric(String metricName, ToLongFunction<MetricWindow> numerator, ToLongFunction<MetricWindow> denominator) {
        this.metricName = metricName;
        this.numerator = numerator;
        this.denominator = denominator;
        this.quantile = null;
    }

    BuiltinMetric(String metricName, ToDoubleFunction<dev.rollgate.core.metrics.LatencyQuantiles> quantile) {
        this.metricName = metricName;
        this.numerator = null;
        this.denominator = MetricWindow::requests;
        this.quantile = quantile;
    }

    public String metricName() {
        return metricName;
    }

    public boolean isLatency() {
        return quantile != null;
    }

    public static Optional<BuiltinMetric> named(String name) {
        for (BuiltinMetric metric : values()) {
            if (metric.metricName.equals(name)) {
                return Optional.of(metric);
            }
        }
        return Optional.empty();
    }

    /** This window's value, or empty when the window has fewer than {@code minVolume} requests/evaluations. */
    public OptionalDouble valueOf(MetricWindow window, long minVolume) {
        long volume = denominator.applyAsLong(window);
        if (volume <= 0 || volume < minVolume) {
            return OptionalDouble.empty();
        }
        if (quantile != null) {
            return window.latencyMs().map(l -> OptionalDouble.of(quantile.applyAsDouble(l)))
                    .orElse(OptionalDouble.empty());
        }
        return OptionalDouble.of((double) numerator.applyAsLong(window) / volume);
    }
}
