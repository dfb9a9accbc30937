package dev.rollgate.statemachine.local;

/**
 * Sees every call of what is a Lambda function on AWS when rollgate runs locally: the workflow's task handlers and
 * the metric-window ingest. The cost benchmark counts invocations and their durations with it; by default nothing
 * observes. Functions are named as the SAM template names them (e.g. {@code EvaluateFunction}).
 */
public interface InvocationObserver {
    InvocationObserver NONE = new InvocationObserver() {
    };

    /** Called on the invoking thread just before the function's work starts. */
    default void started(String function) {
    }

    /** Called on the same thread when the work ended, normally or not. */
    default void finished(String function) {
    }
}
