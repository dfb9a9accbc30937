package dev.rollgate.core.judge;

import dev.rollgate.core.policy.Analysis;
import dev.rollgate.core.policy.ApprovalMode;
import dev.rollgate.core.policy.Direction;
import dev.rollgate.core.policy.MetricSpec;
import dev.rollgate.core.policy.OverloadTrigger;
import dev.rollgate.core.policy.Pause;
import dev.rollgate.core.policy.PreflightSpec;
import dev.rollgate.core.policy.PromotionGate;
import dev.rollgate.core.policy.RollbackTriggers;
import dev.rollgate.core.policy.RolloutPolicy;
import dev.rollgate.core.policy.ScoreThresholds;
import dev.rollgate.core.policy.Stage;
import dev.rollgate.core.policy.StageType;
import dev.rollgate.core.policy.TrafficDriverKind;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Policies for judge tests: the default policy's canary-1 shape, built from the records. */
public final class JudgePolicyFixture {
    private JudgePolicyFixture() {
    }

    public static List<MetricSpec> metrics() {
        return List.of(
                new MetricSpec("error_rate", Direction.INCREASE, false, 1, "errors", 0.25),
                new MetricSpec("latency_p50", Direction.INCREASE, false, 1, "latency", 0.10),
                new MetricSpec("latency_p90", Direction.INCREASE, false, 1, "latency", 0.10),
                new MetricSpec("latency_p99", Direction.INCREASE, false, 1, "latency", 0.10),
                new MetricSpec("policy_deny_rate", Direction.INCREASE, false, 1, "policy", 0.25));
    }

    public static Map<String, Double> groupWeights() {
        return Map.of("errors", 1.0, "latency", 1.0, "policy", 1.0);
    }

    public static RollbackTriggers canaryTriggers() {
        return new RollbackTriggers(Optional.of(2.0), Optional.of(0.03),
                Optional.of(new OverloadTrigger(OverloadTrigger.DEFAULT_CODES, Duration.ofMinutes(5))),
                Optional.of(20), Optional.empty(), Optional.empty(), RollbackTriggers.DEFAULT_ALPHA);
    }

    public static Stage canaryStage(int minDataPoints) {
        Analysis analysis = new Analysis(Duration.ofHours(3), Duration.ofHours(1), minDataPoints,
                ScoreThresholds.DEFAULT);
        return new Stage("canary-1", StageType.CANARY, 10, Duration.ofHours(3), Pause.NONE, analysis,
                new PromotionGate(false, true, false, Optional.empty(), true), canaryTriggers(),
                ApprovalMode.ON_MARGINAL);
    }

    public static Stage canaryStage() {
        return canaryStage(50);
    }

    public static RolloutPolicy policy(Stage stage) {
        return policy(stage, metrics());
    }

    public static RolloutPolicy policy(Stage stage, List<MetricSpec> metrics) {
        return new RolloutPolicy("judge-fixture", TrafficDriverKind.ALIAS, List.of(stage), PreflightSpec.none(),
                metrics, groupWeights(), List.of());
    }

    public static RolloutPolicy canaryPolicy() {
        return policy(canaryStage());
    }
}
