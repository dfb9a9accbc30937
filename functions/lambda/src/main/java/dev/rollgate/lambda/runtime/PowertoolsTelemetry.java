package dev.rollgate.lambda.runtime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsFactory;
import software.amazon.lambda.powertools.metrics.model.DimensionSet;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * Powertools metrics in CloudWatch embedded metric format (namespace and service from
 * {@code POWERTOOLS_METRICS_NAMESPACE} / {@code POWERTOOLS_SERVICE_NAME}): a {@code Decisions} count and a
 * {@code DurationMs} per invocation, by handler and outcome, flushed at once (no AspectJ, so no annotation).
 * Metrics never decide a rollout: a failure to record them is logged, not thrown, so it cannot send the workflow
 * down its rollback path or hide the handler's own error.
 */
public final class PowertoolsTelemetry implements Telemetry {
    private static final Logger LOG = LoggerFactory.getLogger(PowertoolsTelemetry.class);

    @Override
    public void invocation(String handler, String outcome, long durationMillis) {
        try {
            Metrics metrics = MetricsFactory.getMetricsInstance();
            metrics.addDimension(DimensionSet.of("Handler", handler, "Outcome", outcome));
            metrics.addMetric("Decisions", 1, MetricUnit.COUNT);
            metrics.addMetric("DurationMs", durationMillis, MetricUnit.MILLISECONDS);
            metrics.flush();
        } catch (RuntimeException e) {
            LOG.warn("metrics of {} not recorded: {}", handler, e.getMessage());
        }
    }
}
