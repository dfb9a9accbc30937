package dev.rollgate.statemachine.runner;

/**
 * Step Functions' ExecutionAlreadyExists: a start with a name already used by a closed execution, or by a running
 * one with a different input.
 */
public final class ExecutionAlreadyExistsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ExecutionAlreadyExistsException(String executionName, String reason) {
        super("execution '" + executionName + "' already exists: " + reason);
    }
}
