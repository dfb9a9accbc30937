package dev.rollgate.core.workflow;

/**
 * The traffic platform has not reached a state the step can act on yet, but will by itself: another attempt
 * claimed the CodeDeploy stage and is still starting its deployment, or TimeBasedCanary has not finished its
 * interval. Unlike a refusal this is not a reason to roll back: the workflow retries the step (its ASL Retry
 * names this class), and a retry that still finds it unsettled after the retries are spent rolls back.
 */
public final class TrafficNotSettledException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TrafficNotSettledException(String rolloutId, String reason) {
        super("traffic of rollout " + rolloutId + " has not settled yet: " + reason);
    }
}
