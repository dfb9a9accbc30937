package dev.rollgate.core.workflow;

/**
 * A rollout kept changing under a handler (every conditional write was stale). The workflow retries the step;
 * nothing was written by the failed attempt.
 */
public final class ContentionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ContentionException(String rolloutId, int attempts) {
        super("rollout " + rolloutId + " changed concurrently " + attempts + " times in a row");
    }
}
