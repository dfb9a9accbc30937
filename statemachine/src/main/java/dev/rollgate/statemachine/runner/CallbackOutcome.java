package dev.rollgate.statemachine.runner;

/** What happened to a task-token callback; the names follow the Step Functions API errors. */
public enum CallbackOutcome {
    /** The waiting task takes the result. */
    ACCEPTED,
    /** No task ever handed out this token (Step Functions: InvalidToken). */
    INVALID_TOKEN,
    /** The task already finished: timed out, failed, completed by an earlier callback, or its execution closed. */
    TASK_TIMED_OUT,
    /** The output given to sendTaskSuccess is not JSON (Step Functions: InvalidOutput). */
    INVALID_OUTPUT
}
