package dev.rollgate.core.state;

import dev.rollgate.core.metrics.CustomMetricValue;
import dev.rollgate.core.metrics.LatencyQuantiles;
import dev.rollgate.core.metrics.MetricWindow;
import dev.rollgate.core.metrics.Variant;
import dev.rollgate.core.metrics.WindowRouting;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Test data for the state ports; every tenant and id is unique so tests can share tables. */
public final class StateFixture {
    public static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    public static final String POLICY_YAML = "name: default\nstages:\n  - name: canary-1\n    weight: 10\n";

    private StateFixture() {
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static NewRollout newRollout(String tenant, String agent) {
        return new NewRollout(unique("ro"), tenant, agent, "v42", "v41", "alice@example.com", "default", 3,
                POLICY_YAML);
    }

    public static Instant at(long minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    public static MetricWindow window(Variant variant, Instant start) {
        return new MetricWindow(variant, start, 300, 1200, 7, Optional.of(new LatencyQuantiles(120.5, 310.0, 980.25)),
                400, 12, 1, 2, 0, 3, Map.of("pool_overloaded", 4L, "no_workers", 1L), 0,
                Map.of("tool_schema", new CustomMetricValue.CountPair(5, 600),
                        "eval_score", new CustomMetricValue.ScoreSummary(80, 0.91, 0.7, 0.93, 0.99)),
                new WindowRouting(Optional.of("support-agent"), Optional.of("v42"), Optional.empty()));
    }

    public static MetricWindow bareWindow(Variant variant, Instant start) {
        return new MetricWindow(variant, start, 60, 0, 0, Optional.empty(), 0, 0, 0, 0, 0, 0, Map.of(), 0, Map.of(),
                WindowRouting.NONE);
    }

    public static ApprovalRequest approval(String tenant, String rolloutId, Instant createdAt) {
        return ApprovalRequest.pending(unique("ap"), rolloutId, tenant, "canary-1", "marginal-score",
                "alice@example.com", "token-" + UUID.randomUUID(), createdAt, createdAt.plus(Duration.ofHours(4)));
    }
}
