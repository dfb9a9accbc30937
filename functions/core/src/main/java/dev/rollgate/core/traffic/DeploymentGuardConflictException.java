package dev.rollgate.core.traffic;

/** A different deployment id was recorded for a stage that already has one: two deployments were started. */
public class DeploymentGuardConflictException extends RuntimeException {
    public DeploymentGuardConflictException(String rolloutId, int stageIndex) {
        super("stage " + stageIndex + " of rollout " + rolloutId + " already records a different deployment");
    }
}
