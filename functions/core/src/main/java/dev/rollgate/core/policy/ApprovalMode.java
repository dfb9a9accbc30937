package dev.rollgate.core.policy;

/** When a stage waits for a human before promotion. */
public enum ApprovalMode {
    /** Never ask; a marginal score rolls back instead of holding. */
    NEVER,
    /** Ask only when the judge's score is marginal (the default). */
    ON_MARGINAL,
    /** Always ask before leaving this stage (policy-required approval). */
    ALWAYS;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
