package dev.rollgate.core.workflow;

import dev.rollgate.core.lifecycle.RolloutState;

/**
 * The id of the approval a HOLD waits for, derived from the state: the rollout, its stage and the moment it
 * entered HOLD. The request handler and the evaluation that reads the decision derive the same id, and a retried
 * request stores nothing new.
 */
public final class ApprovalIds {
    private ApprovalIds() {
    }

    public static String of(String rolloutId, RolloutState hold) {
        return rolloutId + ":" + hold.stageIndex() + ":" + hold.updatedAt().toEpochMilli();
    }
}
