package dev.rollgate.core.traffic;

import java.util.Objects;

/**
 * The rollout stage a CodeDeploy deployment was started for, and in which run of the rollout, as the
 * {@link DeploymentGuard} recorded it.
 */
public record DeploymentOwner(String rolloutId, int run, int stageIndex) {
    public DeploymentOwner {
        Objects.requireNonNull(rolloutId, "rolloutId");
        if (run < 1) {
            throw new IllegalArgumentException("run must be >= 1, was " + run);
        }
        if (stageIndex < 0) {
            throw new IllegalArgumentException("stageIndex must be >= 0, was " + stageIndex);
        }
    }
}
