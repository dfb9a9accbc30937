package dev.rollgate.core.lifecycle;

/**
 * The rollback triggers of DESIGN.md section 1, as reported by whatever evaluates the stage's
 * {@link dev.rollgate.core.policy.RollbackTriggers}. The lifecycle trusts the evaluator on whether a trigger
 * applies to the stage; each trigger has its own reason code so the event history says exactly why a rollout
 * rolled back.
 */
public enum TriggerCode {
    ERROR_RATE_RATIO(ReasonCode.TRIGGER_ERROR_RATE_RATIO),
    POLICY_DENY_RATE(ReasonCode.TRIGGER_POLICY_DENY_RATE),
    OVERLOAD_SUSTAINED(ReasonCode.TRIGGER_OVERLOAD_SUSTAINED),
    APPROVAL_BACKLOG(ReasonCode.TRIGGER_APPROVAL_BACKLOG),
    PARSE_FAILURE_RATIO(ReasonCode.TRIGGER_PARSE_FAILURE_RATIO),
    SAFETY_DENY_RATIO(ReasonCode.TRIGGER_SAFETY_DENY_RATIO),
    CRITICAL_INCIDENT(ReasonCode.TRIGGER_CRITICAL_INCIDENT),
    /** A policy-declared custom (agent-quality) metric crossed its absolute rollback threshold. */
    CUSTOM_METRIC_THRESHOLD(ReasonCode.TRIGGER_CUSTOM_METRIC_THRESHOLD),
    /** A judged custom count family's canary rate is worse than the baseline's beyond its allowed effect. */
    CUSTOM_METRIC_RATIO(ReasonCode.TRIGGER_CUSTOM_METRIC_RATIO);

    private final ReasonCode reason;

    TriggerCode(ReasonCode reason) {
        this.reason = reason;
    }

    /** The reason code of the rollback this trigger causes. */
    public ReasonCode reason() {
        return reason;
    }
}
