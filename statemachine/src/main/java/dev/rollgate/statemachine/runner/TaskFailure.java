package dev.rollgate.statemachine.runner;

import java.util.Objects;

/**
 * Thrown by a {@link TaskHandler} to fail its Task state with an ASL error name (for example
 * {@code Lambda.ServiceException} or {@code Rollgate.CordumUnavailable}) and a cause, which Retry and Catch then
 * match like Step Functions does for a failing Lambda function.
 */
public final class TaskFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String errorName;
    private final String errorCause;

    public TaskFailure(String errorName, String errorCause) {
        super(errorName);
        this.errorName = requireName(errorName);
        this.errorCause = Objects.requireNonNull(errorCause, "errorCause");
    }

    public TaskFailure(String errorName, String errorCause, Throwable cause) {
        super(errorName, cause);
        this.errorName = requireName(errorName);
        this.errorCause = Objects.requireNonNull(errorCause, "errorCause");
    }

    private static String requireName(String errorName) {
        if (errorName == null || errorName.isBlank()) {
            throw new IllegalArgumentException("a task failure needs a non-blank error name");
        }
        return errorName;
    }

    public String errorName() {
        return errorName;
    }

    public String errorCause() {
        return errorCause;
    }
}
