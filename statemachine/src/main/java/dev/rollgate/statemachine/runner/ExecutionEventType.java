package dev.rollgate.statemachine.runner;

/** History event kinds, named after the Step Functions history events they stand for. */
public enum ExecutionEventType {
    EXECUTION_STARTED,
    STATE_ENTERED,
    STATE_EXITED,
    TASK_SCHEDULED,
    TASK_SUBMITTED,
    TASK_SUCCEEDED,
    TASK_FAILED,
    TASK_TIMED_OUT,
    TASK_RETRY_SCHEDULED,
    ERROR_CAUGHT,
    WAIT_STARTED,
    EXECUTION_SUCCEEDED,
    EXECUTION_FAILED,
    EXECUTION_TIMED_OUT,
    EXECUTION_ABORTED
}
