package dev.rollgate.core.policy;

import java.time.Duration;
import java.util.Objects;

/**
 * One step of the rollout plan.
 *
 * @param name        unique within the policy
 * @param type        shadow, canary or full
 * @param weight      percent of user traffic on the candidate while in this stage (shadow 0, full 100)
 * @param minDuration the least time spent in the stage before promotion (pause, analysis lifetime or bake)
 * @param pause       the pause part of {@code minDuration}, as written (indefinite pauses need approval)
 * @param analysis    how the stage is scored
 * @param gate        what must hold to promote
 * @param triggers    what rolls back
 * @param approval    when a human must approve leaving the stage
 */
public record Stage(String name, StageType type, int weight, Duration minDuration, Pause pause, Analysis analysis,
                    PromotionGate gate, RollbackTriggers triggers, ApprovalMode approval) {
    public Stage {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(minDuration, "minDuration");
        Objects.requireNonNull(pause, "pause");
        Objects.requireNonNull(analysis, "analysis");
        Objects.requireNonNull(gate, "gate");
        Objects.requireNonNull(triggers, "triggers");
        Objects.requireNonNull(approval, "approval");
    }

    /** True when the stage cannot be left without a human decision. */
    public boolean requiresApproval() {
        return approval == ApprovalMode.ALWAYS || pause.indefinite();
    }
}
