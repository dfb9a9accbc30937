package dev.rollgate.statemachine.runner;

/** Where an execution stands; the first two are open, the rest final. */
public enum ExecutionStatus {
    /** Working, or waiting for the virtual clock (a Wait state, a Retry interval). */
    RUNNING,
    /** Paused in a {@code .waitForTaskToken} task until a callback arrives or the task times out. */
    WAITING_FOR_CALLBACK,
    SUCCEEDED,
    FAILED,
    /** The definition's top-level TimeoutSeconds passed. */
    TIMED_OUT,
    /** Stopped through {@link WorkflowRunner#stop}. */
    ABORTED;

    public boolean isOpen() {
        return this == RUNNING || this == WAITING_FOR_CALLBACK;
    }
}
