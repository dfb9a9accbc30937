package dev.rollgate.core.traffic;

import java.util.Optional;

/**
 * Makes "start the deployment of this rollout stage" happen once: CodeDeploy's CreateDeployment takes no
 * idempotency token, so a retried step would otherwise start a second deployment.
 */
public interface DeploymentGuard {

    /** Atomically claims the stage; exactly one of any number of concurrent callers gets {@link DeploymentClaim.Won}. */
    DeploymentClaim claim(String rolloutId, int stageIndex);

    /** Stores the id of the deployment the winning caller started; re-recording the same id is a no-op. */
    void recordDeployment(String rolloutId, int stageIndex, String deploymentId);

    /** The deployment recorded for the stage, if any. */
    Optional<String> deploymentOf(String rolloutId, int stageIndex);
}
