package dev.rollgate.core.workflow;

import dev.rollgate.core.policy.RolloutPolicy;
import dev.rollgate.core.state.Rollout;

/**
 * Moves user traffic for a rollout through the policy's driver. Both calls are idempotent: asking for the weight
 * already in effect changes nothing, so a retried workflow step never shifts twice.
 */
public interface TrafficControl {
    /** Routes {@code weight} percent to the candidate for stage {@code stageIndex}; returns the weight in effect. */
    int shift(Rollout rollout, RolloutPolicy policy, int stageIndex, int weight);

    /** Puts all traffic back on the baseline; returns the candidate weight in effect (0). */
    int restoreBaseline(Rollout rollout, RolloutPolicy policy);
}
