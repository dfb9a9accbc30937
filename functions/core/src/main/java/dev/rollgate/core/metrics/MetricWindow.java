package dev.rollgate.core.metrics;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Per-interval aggregates of one variant: the unit the judge compares and the EventBridge event detail.
 * Instances are valid by construction only when built by the window parser; the record itself checks nulls.
 */
public record MetricWindow(Variant variant, Instant windowStart, long windowSeconds, long requests, long errors,
                           Optional<LatencyQuantiles> latencyMs, long policyEvaluations, long policyDenies,
                           long safetyDenies, long parseFailures, long schemaViolations, long approvalBacklog,
                           Map<String, Long> reasonCodes, long criticalIncidents,
                           Map<String, CustomMetricValue> custom, WindowRouting routing) {
    public MetricWindow {
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(windowStart, "windowStart");
        Objects.requireNonNull(latencyMs, "latencyMs");
        reasonCodes = Map.copyOf(reasonCodes);
        custom = Map.copyOf(custom);
        Objects.requireNonNull(routing, "routing");
    }

    /** The instant just after this window. */
    public Instant windowEnd() {
        return windowStart.plusSeconds(windowSeconds);
    }

    /** The identity used for de-duplication: one window per variant and start. */
    public String key() {
        return variant.wireName() + "#" + windowStart;
    }
}
