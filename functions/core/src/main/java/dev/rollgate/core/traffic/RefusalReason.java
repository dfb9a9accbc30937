package dev.rollgate.core.traffic;

/** Why a driver refused to move traffic. Each names a platform rule, so the workflow can hold or roll back. */
public enum RefusalReason {
    /** Another deployment is running in the CodeDeploy deployment group (one at a time). */
    DEPLOYMENT_IN_PROGRESS,
    /** The alias already carries a routing weight, and CodeDeploy cannot start a deployment on it. */
    ALIAS_WEIGHTED,
    /** The driver cannot express this weight (CodeDeploy knows only 0, the canary percentage and 100). */
    WEIGHT_NOT_SUPPORTED,
    /** TimeBasedCanary moves to 100 % only by itself, after its interval; it cannot be pushed there. */
    AWAITING_CANARY_INTERVAL,
    /** There is no deployment of this rollout to promote or to stop. */
    NO_DEPLOYMENT,
    /** The rollout's deployment ended without reaching 100 % (failed hook, hook timeout, stopped). */
    DEPLOYMENT_NOT_SUCCEEDED,
    /** Another attempt claimed the stage and recorded no deployment yet: still starting it, or lost; retry or check. */
    CLAIM_WITHOUT_DEPLOYMENT,
    /** The alias points at neither the baseline nor the candidate version, so someone else moved it. */
    ALIAS_MOVED_ELSEWHERE;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
