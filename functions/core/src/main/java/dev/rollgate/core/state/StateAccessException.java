package dev.rollgate.core.state;

/**
 * The state store could not be read or written (throttled beyond its retries, unreachable, misconfigured).
 * A write that ends in this exception has left nothing half-written: multi-item writes are transactions.
 */
public class StateAccessException extends RuntimeException {
    public StateAccessException(String message, Throwable cause) {
        super(message, cause);
    }

    public StateAccessException(String message) {
        super(message);
    }
}
