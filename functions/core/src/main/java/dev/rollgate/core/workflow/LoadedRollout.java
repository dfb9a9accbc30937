package dev.rollgate.core.workflow;

import dev.rollgate.core.lifecycle.RolloutLifecycle;
import dev.rollgate.core.policy.RolloutPolicy;
import dev.rollgate.core.policy.Stage;
import dev.rollgate.core.state.Rollout;

/** A stored rollout with its resolved policy and lifecycle, as handlers see it. */
public record LoadedRollout(Rollout rollout, RolloutPolicy policy, RolloutLifecycle lifecycle) {
    public Stage currentStage() {
        return policy.stage(rollout.state().stageIndex());
    }
}
