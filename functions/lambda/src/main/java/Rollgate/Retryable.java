package Rollgate;

/**
 * A transient failure the workflow should retry (a contended rollout, a throttled store). The Java Lambda runtime
 * reports an unhandled exception with its fully qualified class name as the error type, and
 * {@code rollout.asl.json} retries the error named {@code Rollgate.Retryable}: so this class lives in the package
 * {@code Rollgate}, against the usual naming, because that name is the contract with the state machine.
 */
public final class Retryable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Retryable(String message, Throwable cause) {
        super(message, cause);
    }
}
