package dev.rollgate.core.traffic;

import java.util.Optional;

/**
 * Makes "start the deployment of this rollout stage" happen once per run of the rollout: CodeDeploy's
 * CreateDeployment takes no idempotency token, so a retried step would otherwise start a second deployment.
 * Claims are keyed by rollout, {@code run} (see {@link dev.rollgate.core.lifecycle.RolloutState#run()}) and stage:
 * every retry within a run finds that run's claim, even once its deployment failed or was stopped, while an
 * operator's rerun (the next run) claims anew and may start a new deployment.
 */
public interface DeploymentGuard {

    /**
     * Atomically claims the stage in this run; exactly one of any number of concurrent callers gets
     * {@link DeploymentClaim.Won}.
     */
    DeploymentClaim claim(String rolloutId, int run, int stageIndex);

    /**
     * Stores the id of the deployment the winning caller started; re-recording the same id is a no-op. The
     * deployment's owner becomes readable through {@link #ownerOf} no later than its id through
     * {@link #deploymentOf}.
     */
    void recordDeployment(String rolloutId, int run, int stageIndex, String deploymentId);

    /**
     * Gives up a claim that holds no deployment id, after starting the deployment was definitely refused, so
     * a later attempt may claim again. A claim that holds a deployment id is kept; no claim is a no-op.
     */
    void release(String rolloutId, int run, int stageIndex);

    /** The deployment recorded for the stage in this run, if any. */
    Optional<String> deploymentOf(String rolloutId, int run, int stageIndex);

    /**
     * The rollout stage (and run) a deployment was recorded for: how a CodeDeploy lifecycle hook, which knows only the
     * deployment id, finds its rollout. Empty for a deployment rollgate did not start (or has not recorded yet).
     */
    Optional<DeploymentOwner> ownerOf(String deploymentId);
}
