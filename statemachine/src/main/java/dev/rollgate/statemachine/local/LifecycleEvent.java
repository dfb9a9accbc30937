package dev.rollgate.statemachine.local;

/** The two CodeDeploy lifecycle events a Lambda deployment runs hooks for. */
public enum LifecycleEvent {
    BEFORE_ALLOW_TRAFFIC,
    AFTER_ALLOW_TRAFFIC
}
