package dev.rollgate.core.operations;

import java.time.Instant;

/**
 * Operator actions on a running rollout, carried out by the workflow (the rollout's Step Functions execution
 * in AWS, the local runner locally). Callers record the action in the rollout's history with the operator's
 * identity; this port only asks the workflow to act.
 */
public interface RolloutControl {
    /** Asks the workflow to abort the rollout: traffic goes back to the baseline and the rollout ends ABORTED. */
    ControlOutcome abort(String rolloutId, String operator, String reason, Instant now);

    /** Asks the workflow to run the rollout again from the named stage of its policy. */
    ControlOutcome rerunFromStage(String rolloutId, String stageName, String operator, String reason, Instant now);
}
