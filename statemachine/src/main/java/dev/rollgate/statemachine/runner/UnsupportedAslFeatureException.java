package dev.rollgate.statemachine.runner;

/**
 * The definition uses an Amazon States Language feature the local runner deliberately does not implement.
 * Thrown instead of guessing, so a workflow change that needs a new feature is noticed at once.
 */
public final class UnsupportedAslFeatureException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UnsupportedAslFeatureException(String where, String feature) {
        super(where + ": unsupported ASL feature: " + feature);
    }
}
