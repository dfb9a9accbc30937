package dev.rollgate.core.lifecycle;

import dev.rollgate.core.policy.Analysis;
import dev.rollgate.core.policy.ApprovalMode;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The default plan of DESIGN.md section 1 built from the policy records directly (until the YAML parser lands),
 * plus variants for approvals and Argo-style pauses. Public so adapter modules can reuse it through the test jar.
 */
public final class LifecyclePolicyFixture {
    public static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

    public static final int SHADOW = 0;
    public static final int CANARY_1 = 1;
    public static final int CANARY_2 = 2;
    public static final int FULL = 3;

    public static final Duration SHADOW_DURATION = Duration.ofHours(1);
    public static final Duration CANARY_LIFETIME = Duration.ofHours(3);
    public static final Duration BAKE = Duration.ofHours(24);

    private static final Duration INTERVAL = Duration.ofHours(1);
    private static final Analysis ANALYSIS = new Analysis(CANARY_LIFETIME, INTERVAL, 50, ScoreThresholds.DEFAULT);

    private LifecyclePolicyFixture() {
    }

    /** shadow 0%, canary-1 10% (3h, score 95/75), canary-2 50% (deny <= 0.03, overload), full 100% (bake 24h). */
    public static RolloutPolicy defaultPlan() {
        return policy("default", List.of(shadow(), canary1(), canary2(), full()));
    }

    /** The default plan with one stage changed. */
    public static RolloutPolicy defaultPlanWith(int stageIndex, UnaryOperator<Stage> change) {
        List<Stage> stages = new ArrayList<>(defaultPlan().stages());
        stages.set(stageIndex, change.apply(stages.get(stageIndex)));
        return policy("default-variant", stages);
    }

    /**
     * An Argo-style plan: canary steps whose gates check nothing measured (pure pauses), the middle one indefinite,
     * then full.
     */
    public static RolloutPolicy argoPausePlan() {
        return policy("argo", List.of(
                pauseStep("step-10", 10, Pause.of(Duration.ofMinutes(20))),
                pauseStep("step-25", 25, Pause.INDEFINITE),
                pauseStep("step-50", 50, Pause.of(Duration.ofMinutes(30))),
                full()));
    }

    public static Stage withApproval(Stage stage, ApprovalMode approval) {
        return new Stage(stage.name(), stage.type(), stage.weight(), stage.minDuration(), stage.pause(),
                stage.analysis(), stage.gate(), stage.triggers(), approval);
    }

    public static Stage shadow() {
        PromotionGate gate = new PromotionGate(true, false, false, Optional.empty(), true);
        RollbackTriggers triggers = new RollbackTriggers(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(2.0), Optional.of(2.0), RollbackTriggers.DEFAULT_ALPHA);
        return new Stage("shadow", StageType.SHADOW, 0, SHADOW_DURATION, Pause.NONE,
                new Analysis(SHADOW_DURATION, INTERVAL, 50, ScoreThresholds.DEFAULT), gate, triggers,
                ApprovalMode.ON_MARGINAL);
    }

    public static Stage canary1() {
        PromotionGate gate = new PromotionGate(false, true, false, Optional.empty(), true);
        RollbackTriggers triggers = new RollbackTriggers(Optional.of(2.0), Optional.empty(), Optional.empty(),
                Optional.of(20), Optional.empty(), Optional.empty(), RollbackTriggers.DEFAULT_ALPHA);
        return new Stage("canary-1", StageType.CANARY, 10, CANARY_LIFETIME, Pause.NONE, ANALYSIS, gate, triggers,
                ApprovalMode.ON_MARGINAL);
    }

    public static Stage canary2() {
        PromotionGate gate = new PromotionGate(false, true, true, Optional.of(0.03), true);
        RollbackTriggers triggers = new RollbackTriggers(Optional.of(2.0), Optional.of(0.03),
                Optional.of(new OverloadTrigger(OverloadTrigger.DEFAULT_CODES, Duration.ofMinutes(15))),
                Optional.empty(), Optional.empty(), Optional.empty(), RollbackTriggers.DEFAULT_ALPHA);
        return new Stage("canary-2", StageType.CANARY, 50, CANARY_LIFETIME, Pause.NONE, ANALYSIS, gate, triggers,
                ApprovalMode.ON_MARGINAL);
    }

    public static Stage full() {
        PromotionGate gate = new PromotionGate(false, false, false, Optional.empty(), true);
        return new Stage("full", StageType.FULL, 100, BAKE, Pause.NONE,
                new Analysis(BAKE, INTERVAL, 50, ScoreThresholds.DEFAULT), gate, RollbackTriggers.none(),
                ApprovalMode.ON_MARGINAL);
    }

    private static Stage pauseStep(String name, int weight, Pause pause) {
        PromotionGate nothingMeasured = new PromotionGate(false, false, false, Optional.empty(), false);
        return new Stage(name, StageType.CANARY, weight, pause.duration().orElse(Duration.ZERO), pause, ANALYSIS,
                nothingMeasured, RollbackTriggers.none(), ApprovalMode.ON_MARGINAL);
    }

    private static RolloutPolicy policy(String name, List<Stage> stages) {
        PreflightSpec preflight = new PreflightSpec(List.of("job.support.reply"), Optional.empty(),
                Optional.empty(), false);
        return new RolloutPolicy(name, TrafficDriverKind.ALIAS, stages, preflight, List.of(), Map.of(), List.of());
    }
}
