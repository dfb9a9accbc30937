package dev.rollgate.statemachine.runner;

/** The definition is not valid Amazon States Language (or its substitutions do not match its placeholders). */
public final class InvalidDefinitionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidDefinitionException(String message) {
        super(message);
    }

    public InvalidDefinitionException(String message, Throwable cause) {
        super(message, cause);
    }
}
