package dev.rollgate.lambda.runtime;

/** A function's environment is missing a variable or sets one rollgate does not know; the message names it. */
public final class ConfigurationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigurationException(String message) {
        super(message);
    }
}
