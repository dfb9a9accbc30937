package dev.rollgate.core.lifecycle;

/**
 * What the evaluation of one stage recommends. The judge (written separately) maps its score classes onto this:
 * PASS to {@link #PROMOTE}, MARGINAL to {@link #HOLD}, FAIL to {@link #ROLLBACK}, NO_DATA to {@link #CONTINUE}.
 * The lifecycle only decides what the recommendation means in the rollout's current state (minimum durations,
 * approvals), so the judge never needs to know about stages or time.
 */
public enum VerdictOutcome {
    /** The stage's gate passes; promote once the stage's minimum duration has passed. */
    PROMOTE,
    /** Not enough evidence either way yet (for example fewer data points than the minimum); keep observing. */
    CONTINUE,
    /** Marginal: a human decides, unless the stage's approval mode is NEVER, in which case it rolls back. */
    HOLD,
    /** The gate fails; roll back now, whatever the stage's minimum duration. */
    ROLLBACK
}
