package dev.rollgate.core.workflow.bind;

/**
 * The traffic driver refused a shift (a deployment already running, a weighted alias). The workflow's Catch
 * rolls the rollout back; the message names the driver's reason.
 */
public final class TrafficRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TrafficRefusedException(String rolloutId, String reason) {
        super("traffic shift refused for rollout " + rolloutId + ": " + reason);
    }
}
