package dev.rollgate.core.workflow;

/** The workflow was asked to act on a rollout that is not stored; nothing can be done for it. */
public final class RolloutNotFoundException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RolloutNotFoundException(String rolloutId) {
        super("rollout not found: " + rolloutId);
    }
}
