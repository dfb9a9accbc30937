package dev.rollgate.lambda.runtime;

/** A handler's input is missing a field or has one of the wrong type; the message names the field. */
public final class InvalidInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidInputException(String message) {
        super(message);
    }
}
