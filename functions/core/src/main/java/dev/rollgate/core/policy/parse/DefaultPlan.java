package dev.rollgate.core.policy.parse;

import dev.rollgate.core.policy.Analysis;
import dev.rollgate.core.policy.OverloadTrigger;
import dev.rollgate.core.policy.Pause;
import dev.rollgate.core.policy.PromotionGate;
import dev.rollgate.core.policy.RollbackTriggers;
import dev.rollgate.core.policy.Stage;

import java.util.List;
import java.util.Optional;

/**
 * The plan of DESIGN.md section 1 for a policy without stages: shadow, canary at 10 %, canary at 50 %, full.
 * Each stage carries exactly the gate and triggers of its row in that table, with the numbers of the policy's
 * {@code rollout_gates} block.
 */
final class DefaultPlan {
    static final int FIRST_CANARY_WEIGHT = 10;
    static final int SECOND_CANARY_WEIGHT = 50;

    private DefaultPlan() {
    }

    static List<Stage> stages(GateDefaults g) {
        Stage shadow = StageFactory.shadow("shadow", g);
        Stage canary1 = StageFactory.canary("canary-1", FIRST_CANARY_WEIGHT, g.canaryLifetime(), Pause.NONE, g);
        // canary-1: judge score; rollback on error-rate ratio or approval backlog breach.
        canary1 = withTriggers(canary1, new RollbackTriggers(Optional.of(g.maxErrorRateRatio()),
                Optional.of(g.maxPolicyDenyRate()), Optional.empty(), Optional.of(g.maxApprovalBacklog()),
                Optional.empty(), Optional.empty(), g.alpha()));
        Stage canary2 = StageFactory.canary("canary-2", SECOND_CANARY_WEIGHT, g.canaryLifetime(), Pause.NONE, g);
        // canary-2: stable latency and a bounded deny rate; rollback on sustained overload reason codes.
        canary2 = new Stage(canary2.name(), canary2.type(), canary2.weight(), canary2.minDuration(), canary2.pause(),
                canary2.analysis(), new PromotionGate(false, false, true, Optional.of(g.maxPolicyDenyRate()), true),
                new RollbackTriggers(Optional.of(g.maxErrorRateRatio()), Optional.of(g.maxPolicyDenyRate()),
                        Optional.of(new OverloadTrigger(g.overloadCodes(), g.overloadSustainedFor())),
                        Optional.empty(), Optional.empty(), Optional.empty(), g.alpha()),
                canary2.approval());
        return List.of(shadow, canary1, canary2, StageFactory.full("full", g));
    }

    private static Stage withTriggers(Stage s, RollbackTriggers triggers) {
        Analysis a = s.analysis();
        PromotionGate gate = s.gate();
        return new Stage(s.name(), s.type(), s.weight(), s.minDuration(), s.pause(), a, gate, triggers, s.approval());
    }
}
