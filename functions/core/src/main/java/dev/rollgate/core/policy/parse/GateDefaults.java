package dev.rollgate.core.policy.parse;

import dev.rollgate.core.policy.OverloadTrigger;
import dev.rollgate.core.policy.RollbackTriggers;
import dev.rollgate.core.policy.ScoreThresholds;

import java.time.Duration;
import java.util.List;

/**
 * Policy-wide values from the {@code rollout_gates} block, each stage starting from these. The constants are the
 * documented defaults used when the block (or one of its keys) is absent.
 */
record GateDefaults(int minDataPoints, Duration canaryLifetime, Duration metricInterval, ScoreThresholds score,
                    double maxErrorRateRatio, double maxPolicyDenyRate, List<String> overloadCodes,
                    Duration overloadSustainedFor, int maxApprovalBacklog, double maxParseFailureRatio,
                    double maxSafetyDenyRatio, double alpha, Duration bake, Duration shadowDuration) {

    static final int MIN_DATA_POINTS = 50;
    static final Duration CANARY_LIFETIME = Duration.ofHours(3);
    static final Duration METRIC_INTERVAL = Duration.ofHours(1);
    static final double MAX_ERROR_RATE_RATIO = 2.0;
    static final double MAX_POLICY_DENY_RATE = 0.03;
    static final Duration OVERLOAD_SUSTAINED = Duration.ofMinutes(10);
    static final int MAX_APPROVAL_BACKLOG = 25;
    static final double MAX_SHADOW_RATIO = 2.0;
    /** One business cycle. */
    static final Duration BAKE = Duration.ofHours(24);

    static GateDefaults documented() {
        return new GateDefaults(MIN_DATA_POINTS, CANARY_LIFETIME, METRIC_INTERVAL, ScoreThresholds.DEFAULT,
                MAX_ERROR_RATE_RATIO, MAX_POLICY_DENY_RATE, OverloadTrigger.DEFAULT_CODES, OVERLOAD_SUSTAINED,
                MAX_APPROVAL_BACKLOG, MAX_SHADOW_RATIO, MAX_SHADOW_RATIO, RollbackTriggers.DEFAULT_ALPHA, BAKE,
                METRIC_INTERVAL);
    }

    OverloadTrigger overload() {
        return new OverloadTrigger(overloadCodes, overloadSustainedFor);
    }

    /** An analysis interval never longer than the stage it measures. */
    Duration intervalWithin(Duration lifetime) {
        return lifetime.isZero() || metricInterval.compareTo(lifetime) <= 0 ? metricInterval : lifetime;
    }
}
