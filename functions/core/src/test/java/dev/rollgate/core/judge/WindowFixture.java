package dev.rollgate.core.judge;

import dev.rollgate.core.metrics.LatencyQuantiles;
import dev.rollgate.core.metrics.MetricWindow;
import dev.rollgate.core.metrics.Variant;
import dev.rollgate.core.metrics.WindowRouting;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Hand-made windows for judge tests. */
public final class WindowFixture {
    public static final Instant START = Instant.parse("2026-11-27T10:00:00Z");

    private WindowFixture() {
    }

    public static MetricWindow window(Variant variant, int minute, long requests, long errors, double p50) {
        return new MetricWindow(variant, START.plusSeconds(60L * minute), 60, requests, errors,
                Optional.of(new LatencyQuantiles(p50, p50 * 2, p50 * 4)), requests, requests / 100, 0, 0, 0, 0,
                Map.of(), 0, Map.of(), WindowRouting.NONE);
    }

    /** Copies {@code source} with another variant (the same numbers). */
    public static MetricWindow as(Variant variant, MetricWindow source) {
        return new MetricWindow(variant, source.windowStart(), source.windowSeconds(), source.requests(),
                source.errors(), source.latencyMs(), source.policyEvaluations(), source.policyDenies(),
                source.safetyDenies(), source.parseFailures(), source.schemaViolations(), source.approvalBacklog(),
                source.reasonCodes(), source.criticalIncidents(), source.custom(), source.routing());
    }

    public static MetricWindow withCodes(MetricWindow source, Map<String, Long> codes, long backlog, long incidents) {
        return new MetricWindow(source.variant(), source.windowStart(), source.windowSeconds(), source.requests(),
                source.errors(), source.latencyMs(), source.policyEvaluations(), source.policyDenies(),
                source.safetyDenies(), source.parseFailures(), source.schemaViolations(), backlog, codes, incidents,
                source.custom(), source.routing());
    }

    /** Baseline and canary with the same numbers each minute. */
    public static List<MetricWindow> identicalPair(List<MetricWindow> baseline) {
        List<MetricWindow> all = new ArrayList<>(baseline);
        baseline.forEach(w -> all.add(as(Variant.CANARY, w)));
        return all;
    }
}
