package dev.rollgate.core.traffic;

import java.util.Objects;

/** The rollout stage a CodeDeploy deployment was started for, as the {@link DeploymentGuard} recorded it. */
public record DeploymentOwner(String rolloutId, int stageIndex) {
    public DeploymentOwner {
        Objects.requireNonNull(rolloutId, "rolloutId");
        if (stageIndex < 0) {
            throw new IllegalArgumentException("stageIndex must be >= 0, was " + stageIndex);
        }
    }
}
