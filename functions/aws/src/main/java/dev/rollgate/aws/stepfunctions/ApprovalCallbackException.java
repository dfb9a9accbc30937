package dev.rollgate.aws.stepfunctions;

/** Step Functions could not be told of an approval decision (unreachable, throttled beyond retries, denied). */
public class ApprovalCallbackException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ApprovalCallbackException(String message, Throwable cause) {
        super(message, cause);
    }
}
