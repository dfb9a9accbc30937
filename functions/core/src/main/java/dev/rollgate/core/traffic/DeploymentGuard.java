package dev.rollgate.core.traffic;

import java.util.Optional;

/**
 * Makes "start the deployment of this rollout stage" happen once: CodeDeploy's CreateDeployment takes no
 * idempotency token, so a retried step would otherwise start a second deployment.
 */
public interface DeploymentGuard {

    /** Atomically claims the stage; exactly one of any number of concurrent callers gets {@link DeploymentClaim.Won}. */
    DeploymentClaim claim(String rolloutId, int stageIndex);

    /**
     * Stores the id of the deployment the winning caller started; re-recording the same id is a no-op. The
     * deployment's owner becomes readable through {@link #ownerOf} no later than its id through
     * {@link #deploymentOf}.
     */
    void recordDeployment(String rolloutId, int stageIndex, String deploymentId);

    /**
     * Gives up a claim that holds no deployment id, after starting the deployment was definitely refused, so
     * a later attempt may claim again. A claim that holds a deployment id is kept; no claim is a no-op.
     */
    void release(String rolloutId, int stageIndex);

    /** The deployment recorded for the stage, if any. */
    Optional<String> deploymentOf(String rolloutId, int stageIndex);

    /**
     * The rollout stage a deployment was recorded for: how a CodeDeploy lifecycle hook, which knows only the
     * deployment id, finds its rollout. Empty for a deployment rollgate did not start (or has not recorded yet).
     */
    Optional<DeploymentOwner> ownerOf(String deploymentId);
}
