package dev.rollgate.core.policy.parse;

import dev.rollgate.core.policy.Analysis;
import dev.rollgate.core.policy.ApprovalMode;
import dev.rollgate.core.policy.Pause;
import dev.rollgate.core.policy.PromotionGate;
import dev.rollgate.core.policy.RollbackTriggers;
import dev.rollgate.core.policy.Stage;
import dev.rollgate.core.policy.StageType;

import java.time.Duration;
import java.util.Optional;

/**
 * Builds stages with the gates and triggers each type gets unless the policy says otherwise, so the default
 * plan, Argo steps and explicit stages all mean the same thing for the same numbers.
 */
final class StageFactory {
    private StageFactory() {
    }

    /** Shadow: the preflight and no critical violation gate it; parser or safety-deny spikes roll it back. */
    static Stage shadow(String name, GateDefaults g) {
        Duration lifetime = g.shadowDuration();
        return new Stage(name, StageType.SHADOW, 0, lifetime, Pause.NONE,
                new Analysis(lifetime, g.intervalWithin(lifetime), g.minDataPoints(), g.score()),
                new PromotionGate(true, false, false, Optional.empty(), true),
                shadowTriggers(g), ApprovalMode.ON_MARGINAL);
    }

    static RollbackTriggers shadowTriggers(GateDefaults g) {
        return new RollbackTriggers(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(g.maxParseFailureRatio()), Optional.of(g.maxSafetyDenyRatio()), g.alpha());
    }

    /** A canary at {@code weight}: judged by score; error ratio, deny rate, overload and backlog roll it back. */
    static Stage canary(String name, int weight, Duration lifetime, Pause pause, GateDefaults g) {
        return new Stage(name, StageType.CANARY, weight, lifetime, pause,
                new Analysis(lifetime, g.intervalWithin(lifetime), g.minDataPoints(), g.score()),
                new PromotionGate(false, true, false, Optional.empty(), true),
                canaryTriggers(g), ApprovalMode.ON_MARGINAL);
    }

    static RollbackTriggers canaryTriggers(GateDefaults g) {
        return new RollbackTriggers(Optional.of(g.maxErrorRateRatio()), Optional.of(g.maxPolicyDenyRate()),
                Optional.of(g.overload()), Optional.of(g.maxApprovalBacklog()), Optional.empty(), Optional.empty(),
                g.alpha());
    }

    /** Full traffic, baked for one business cycle; a severe error regression or critical incident rolls back. */
    static Stage full(String name, GateDefaults g) {
        Duration bake = g.bake();
        return new Stage(name, StageType.FULL, 100, bake, Pause.NONE,
                new Analysis(bake, g.intervalWithin(bake), g.minDataPoints(), g.score()),
                new PromotionGate(false, false, false, Optional.empty(), true),
                fullTriggers(g), ApprovalMode.NEVER);
    }

    static RollbackTriggers fullTriggers(GateDefaults g) {
        return new RollbackTriggers(Optional.of(g.maxErrorRateRatio()), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), g.alpha());
    }
}
