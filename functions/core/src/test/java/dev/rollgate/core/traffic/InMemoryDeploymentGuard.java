package dev.rollgate.core.traffic;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** A {@link DeploymentGuard} in memory, with the same first-claim-wins rule (per rollout, run and stage) as the DynamoDB one. */
public final class InMemoryDeploymentGuard implements DeploymentGuard {
    private static final String NOT_RECORDED = "";

    private final ConcurrentMap<String, String> deployments = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, DeploymentOwner> owners = new ConcurrentHashMap<>();

    @Override
    public DeploymentClaim claim(String rolloutId, int run, int stageIndex) {
        String previous = deployments.putIfAbsent(key(rolloutId, run, stageIndex), NOT_RECORDED);
        if (previous == null) {
            return new DeploymentClaim.Won();
        }
        return new DeploymentClaim.AlreadyClaimed(recorded(previous));
    }

    @Override
    public void recordDeployment(String rolloutId, int run, int stageIndex, String deploymentId) {
        String key = key(rolloutId, run, stageIndex);
        if (!deployments.containsKey(key)) {
            throw new IllegalStateException("stage " + stageIndex + " of rollout " + rolloutId + " (run " + run
                    + ") was never claimed");
        }
        // The owner first, as the DynamoDB guard does: a hook may look it up as soon as the id is readable.
        owners.putIfAbsent(deploymentId, new DeploymentOwner(rolloutId, run, stageIndex));
        if (!deployments.replace(key, NOT_RECORDED, deploymentId) && !deploymentId.equals(deployments.get(key))) {
            throw new DeploymentGuardConflictException(rolloutId, stageIndex);
        }
    }

    @Override
    public void release(String rolloutId, int run, int stageIndex) {
        deployments.remove(key(rolloutId, run, stageIndex), NOT_RECORDED);
    }

    @Override
    public Optional<String> deploymentOf(String rolloutId, int run, int stageIndex) {
        return recorded(deployments.get(key(rolloutId, run, stageIndex)));
    }

    @Override
    public Optional<DeploymentOwner> ownerOf(String deploymentId) {
        return Optional.ofNullable(owners.get(deploymentId));
    }

    private static Optional<String> recorded(String value) {
        return value == null || value.equals(NOT_RECORDED) ? Optional.empty() : Optional.of(value);
    }

    private static String key(String rolloutId, int run, int stageIndex) {
        if (run < 1) {
            throw new IllegalArgumentException("run must be >= 1, was " + run);
        }
        return rolloutId + "#" + run + "#" + stageIndex;
    }
}
