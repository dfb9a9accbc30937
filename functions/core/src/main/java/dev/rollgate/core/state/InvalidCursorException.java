package dev.rollgate.core.state;

/** A page cursor that this store did not issue for this listing (tampered with, truncated or from elsewhere). */
public class InvalidCursorException extends IllegalArgumentException {
    public InvalidCursorException(String message, Throwable cause) {
        super(message, cause);
    }

    public InvalidCursorException(String message) {
        super(message);
    }
}
