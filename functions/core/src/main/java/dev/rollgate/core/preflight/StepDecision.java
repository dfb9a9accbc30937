package dev.rollgate.core.preflight;

/** The safety decision a workflow dry-run reports for one step. */
public enum StepDecision {
    ALLOW,
    ALLOW_WITH_CONSTRAINTS,
    DENY,
    REQUIRE_APPROVAL,
    THROTTLE,
    UNKNOWN,
    /** A step that runs no job, so no safety decision applies. */
    NOT_APPLICABLE,
    /** The safety kernel could not evaluate the step; the dry-run itself still succeeded. */
    ERROR,
    /** A value this version does not know: never counts as allowed. */
    UNRECOGNIZED
}
