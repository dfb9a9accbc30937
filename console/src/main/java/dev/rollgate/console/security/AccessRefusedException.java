package dev.rollgate.console.security;

/**
 * A request the signed-in user may not make (missing role, other tenant). Thrown by services as the server-side
 * guard behind hidden buttons; views never rely on hiding alone.
 */
public class AccessRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AccessRefusedException(String message) {
        super(message);
    }
}
