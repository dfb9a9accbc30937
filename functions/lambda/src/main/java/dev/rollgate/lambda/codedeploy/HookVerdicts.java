package dev.rollgate.lambda.codedeploy;

import dev.rollgate.core.traffic.HookStatus;

import java.time.Instant;

/**
 * Decides a CodeDeploy lifecycle hook of a deployment: whether the rollout that owns it passed its gate for this
 * phase. The adapter comes with the codedeploy traffic driver (which knows which rollout a deployment belongs
 * to); a technical failure is an exception and the hook then fails closed.
 */
public interface HookVerdicts {
    HookStatus verdict(HookPhase phase, String deploymentId, Instant now);
}
