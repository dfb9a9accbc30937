package dev.rollgate.core.preflight;

/** The kinds of call a preflight makes, plus the final verdict. */
public enum CheckKind {
    POLICY_SIMULATION,
    CANDIDATE_BUNDLE_SIMULATION,
    WORKFLOW_DRY_RUN,
    VERDICT
}
