package dev.rollgate.core.judge;

/** The rollback triggers, each with the reason code a firing reports. */
public enum TriggerKind {
    ERROR_RATE_RATIO,
    POLICY_DENY_RATE,
    OVERLOAD_SUSTAINED,
    APPROVAL_BACKLOG,
    PARSE_FAILURE_RATIO,
    SAFETY_DENY_RATIO,
    CRITICAL_INCIDENT,
    /** A policy-declared custom metric crossed its absolute rollback threshold (the detail names it). */
    CUSTOM_METRIC_THRESHOLD,
    /** A judged custom count family's canary rate is worse than the baseline's beyond its allowed effect. */
    CUSTOM_METRIC_RATIO;

    public String reasonCode() {
        return "TRIGGER_" + name();
    }

    /** Whether the trigger is a sequential test that spends part of the alpha budget. */
    public boolean sequential() {
        return this == ERROR_RATE_RATIO || this == POLICY_DENY_RATE || this == PARSE_FAILURE_RATIO
                || this == SAFETY_DENY_RATIO || this == CUSTOM_METRIC_THRESHOLD
                || this == CUSTOM_METRIC_RATIO;
    }
}
