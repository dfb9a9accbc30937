package dev.rollgate.lambda.runtime;

import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsFactory;
import software.amazon.lambda.powertools.metrics.model.DimensionSet;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * Powertools metrics in CloudWatch embedded metric format (namespace and service from
 * {@code POWERTOOLS_METRICS_NAMESPACE} / {@code POWERTOOLS_SERVICE_NAME}): a {@code Decisions} count and a
 * {@code DurationMs} per invocation, by handler and outcome, flushed at once (no AspectJ, so no annotation).
 */
public final class PowertoolsTelemetry implements Telemetry {
    @Override
    public void invocation(String handler, String outcome, long durationMillis) {
        Metrics metrics = MetricsFactory.getMetricsInstance();
        metrics.addDimension(DimensionSet.of("Handler", handler, "Outcome", outcome));
        metrics.addMetric("Decisions", 1, MetricUnit.COUNT);
        metrics.addMetric("DurationMs", durationMillis, MetricUnit.MILLISECONDS);
        metrics.flush();
    }
}
