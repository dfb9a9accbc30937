package dev.rollgate.core.policy.parse;

import dev.rollgate.core.policy.Direction;
import dev.rollgate.core.policy.MetricSpec;

import java.util.List;
import java.util.Set;

/**
 * The metrics the judge derives from every window, and the set judged when a policy names none. Error rate and
 * schema violations are critical: a canary that fails either cannot be promoted whatever else it scores.
 */
public final class BuiltInMetrics {
    public static final String ERROR_RATE = "error_rate";
    public static final String LATENCY_P50 = "latency_p50";
    public static final String LATENCY_P90 = "latency_p90";
    public static final String LATENCY_P99 = "latency_p99";
    public static final String POLICY_DENY_RATE = "policy_deny_rate";
    public static final String SAFETY_DENY_RATE = "safety_deny_rate";
    public static final String PARSE_FAILURE_RATE = "parse_failure_rate";
    public static final String SCHEMA_VIOLATION_RATE = "schema_violation_rate";

    public static final Set<String> NAMES = Set.of(ERROR_RATE, LATENCY_P50, LATENCY_P90, LATENCY_P99,
            POLICY_DENY_RATE, SAFETY_DENY_RATE, PARSE_FAILURE_RATE, SCHEMA_VIOLATION_RATE);

    /** Relative shift tolerated by default, the tolerance fixed-horizon judges commonly use. */
    public static final double DEFAULT_ALLOWED_EFFECT = 0.25;

    private BuiltInMetrics() {
    }

    public static List<MetricSpec> defaults() {
        return List.of(
                spec(ERROR_RATE, true, "errors"),
                spec(LATENCY_P50, false, "latency"),
                spec(LATENCY_P90, false, "latency"),
                spec(LATENCY_P99, false, "latency"),
                spec(POLICY_DENY_RATE, false, "policy"),
                spec(SAFETY_DENY_RATE, false, "policy"),
                spec(PARSE_FAILURE_RATE, false, "output"),
                spec(SCHEMA_VIOLATION_RATE, true, "output"));
    }

    public static boolean isLatency(String name) {
        return name.startsWith("latency_");
    }

    private static MetricSpec spec(String name, boolean critical, String group) {
        return new MetricSpec(name, Direction.INCREASE, critical, 1.0, group, DEFAULT_ALLOWED_EFFECT);
    }
}
