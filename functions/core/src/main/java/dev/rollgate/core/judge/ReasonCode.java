package dev.rollgate.core.judge;

/** Reason codes of stage decisions besides the trigger codes ({@link TriggerKind#reasonCode()}). */
public enum ReasonCode {
    SCORE_PASS,
    SCORE_MARGINAL,
    SCORE_FAIL,
    CRITICAL_METRIC_FAILED,
    INSUFFICIENT_DATA,
    METRIC_ERROR,
    NO_JUDGED_METRICS,
    LATENCY_UNSTABLE,
    POLICY_DENY_RATE_ABOVE_GATE,
    STAGE_TIME_REMAINING,
    GATES_PASSED,
    MARGINAL_WITHOUT_APPROVAL
}
