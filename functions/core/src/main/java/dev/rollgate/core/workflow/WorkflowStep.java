package dev.rollgate.core.workflow;

import dev.rollgate.core.lifecycle.RolloutStatus;

import java.util.Objects;

/**
 * The result every workflow handler returns, read by {@code rollout.asl.json}: where to go next and the numbers
 * the next state needs (stage, weight, how long to wait, how long an approval may take).
 */
public record WorkflowStep(String rolloutId, NextStep next, RolloutStatus status, int stageIndex, int weight,
                           long waitSeconds, long approvalTimeoutSeconds) {
    public WorkflowStep {
        Objects.requireNonNull(rolloutId, "rolloutId");
        Objects.requireNonNull(next, "next");
        Objects.requireNonNull(status, "status");
        if (waitSeconds < 0 || approvalTimeoutSeconds < 0) {
            throw new IllegalArgumentException("wait and approval timeout must not be negative");
        }
    }
}
