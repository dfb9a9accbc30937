package dev.rollgate.core.workflow;

/** Starts rollout workflow executions. Names are unique: starting a name again returns the first execution. */
public interface WorkflowExecutions {
    /** Starts (or finds) the execution {@code name} for a rollout; returns its id (an ARN in AWS). */
    String start(String name, String rolloutId);
}
