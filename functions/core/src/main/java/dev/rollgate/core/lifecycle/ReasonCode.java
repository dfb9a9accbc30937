package dev.rollgate.core.lifecycle;

/**
 * Why a transition happened (or why nothing happened). Every {@link Transition} names one; a state-changing
 * transition also stores it as {@link RolloutState#lastReason()}. The names are stable wire values: the event
 * history, the console and replays depend on them, so rename nothing, only add.
 *
 * <p>Codes starting with {@code IGNORED_} mark observations that do not apply in the current state; codes
 * starting with {@code AWAITING_} and the other no-op codes mark observations that apply but change nothing yet.
 */
public enum ReasonCode {
    // Starting and the preflight
    CREATED,
    PREFLIGHT_PASSED,
    PREFLIGHT_FAILED,
    PREFLIGHT_REQUIRES_HUMAN,

    // Moving forward
    TRAFFIC_SHIFT_CONFIRMED,
    VERDICT_PROMOTE,
    MIN_DURATION_ELAPSED,
    BAKE_COMPLETED,
    BAKE_FINISHED,
    APPROVED,

    // Waiting for a human
    HOLD_POLICY_REQUIRED,
    HOLD_MARGINAL_SCORE,
    HOLD_INDEFINITE_PAUSE,

    // Rolling back
    VERDICT_ROLLBACK,
    MARGINAL_SCORE_WITHOUT_APPROVAL,
    APPROVAL_REJECTED,
    APPROVAL_TIMED_OUT,
    TRIGGER_ERROR_RATE_RATIO,
    TRIGGER_POLICY_DENY_RATE,
    TRIGGER_OVERLOAD_SUSTAINED,
    TRIGGER_APPROVAL_BACKLOG,
    TRIGGER_PARSE_FAILURE_RATIO,
    TRIGGER_SAFETY_DENY_RATIO,
    TRIGGER_CRITICAL_INCIDENT,
    TRIGGER_CUSTOM_METRIC_THRESHOLD,
    TRIGGER_CUSTOM_METRIC_RATIO,
    ROLLBACK_COMPLETED,

    // Operator actions
    ABORT_REQUESTED,
    ABORTED_BEFORE_TRAFFIC,
    ABORT_COMPLETED,
    RERUN_REQUESTED,

    // Applies, but nothing changes yet
    AWAITING_PREFLIGHT,
    AWAITING_VERDICT,
    AWAITING_APPROVAL,
    AWAITING_TRAFFIC_SHIFT,
    AWAITING_ROLLBACK,
    MIN_DURATION_NOT_REACHED,
    MARGINAL_BEFORE_MIN_DURATION,
    VERDICT_CONTINUE,
    BAKE_IN_PROGRESS,

    // Does not apply in the current state
    IGNORED_PREFLIGHT_RESULT,
    IGNORED_VERDICT,
    IGNORED_TICK,
    IGNORED_STALE_VERDICT,
    IGNORED_APPROVAL_DECISION,
    IGNORED_APPROVAL_TIMEOUT,
    IGNORED_TRIGGER,
    IGNORED_TRAFFIC_SHIFT,
    IGNORED_STALE_TRAFFIC_SHIFT,
    IGNORED_ROLLBACK_COMPLETED,
    IGNORED_BAKE_FINISHED,
    IGNORED_EARLY_BAKE_FINISHED,
    IGNORED_ABORT,
    IGNORED_RERUN,
    IGNORED_RERUN_UNKNOWN_STAGE,
    IGNORED_RERUN_BEYOND_REACHED_STAGE,
    IGNORED_TERMINAL;

    /** True for codes of observations that did not apply in the state they arrived in. */
    public boolean isIgnored() {
        return name().startsWith("IGNORED_");
    }
}
