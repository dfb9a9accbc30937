package dev.rollgate.statemachine.runner;

/**
 * Internal carrier of an ASL runtime error (a task failure, States.Timeout, States.Runtime, ...) from where it is
 * detected to the Retry/Catch handling of the current state.
 */
final class StatesErrorException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final ExecutionError error;

    StatesErrorException(String error, String cause) {
        super(error + ": " + cause);
        this.error = new ExecutionError(error, cause);
    }

    StatesErrorException(String error, String cause, Throwable source) {
        super(error + ": " + cause, source);
        this.error = new ExecutionError(error, cause);
    }

    static StatesErrorException runtime(String cause) {
        return new StatesErrorException(StatesErrors.RUNTIME, cause);
    }

    ExecutionError error() {
        return error;
    }
}
