package dev.rollgate.core.workflow;

/** The two CodeDeploy lifecycle hooks rollgate serves for Lambda deployments. */
public enum HookPhase {
    /** Before the first traffic shift: the preflight and shadow gate. */
    BEFORE_ALLOW_TRAFFIC,
    /** After all traffic is on the new version: the post-promotion check. */
    AFTER_ALLOW_TRAFFIC
}
