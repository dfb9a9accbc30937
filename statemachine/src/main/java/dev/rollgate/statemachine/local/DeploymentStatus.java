package dev.rollgate.statemachine.local;

/** Where a local CodeDeploy deployment is; the last three are final. */
public enum DeploymentStatus {
    /** Waiting for the BeforeAllowTraffic hook; no traffic on the candidate yet. */
    BEFORE_ALLOW_TRAFFIC,
    /** The canary percentage is on the candidate until the interval ends. */
    CANARY,
    /** All traffic is on the candidate; waiting for the AfterAllowTraffic hook. */
    AFTER_ALLOW_TRAFFIC,
    SUCCEEDED,
    /** A hook reported Failed or did not report within its hour; the last good version was redeployed. */
    FAILED,
    /** Stopped with rollback; the last good version was redeployed. */
    STOPPED;

    public boolean active() {
        return this == BEFORE_ALLOW_TRAFFIC || this == CANARY || this == AFTER_ALLOW_TRAFFIC;
    }
}
