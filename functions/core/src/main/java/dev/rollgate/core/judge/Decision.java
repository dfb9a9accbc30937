package dev.rollgate.core.judge;

/** What the workflow should do with the stage now. */
public enum Decision {
    /** Keep observing: not enough time or evidence yet, nothing wrong. */
    CONTINUE,
    /** Every gate holds: move to the next stage. */
    PROMOTE,
    /** Marginal or inconclusive at the end of the stage: ask a human. */
    HOLD,
    /** A trigger fired or the score failed: roll back now. */
    ROLLBACK
}
