package dev.rollgate.core.preflight;

/** How one check of a preflight came out. */
public enum CheckStatus {
    PASSED,
    FAILED,
    NEEDS_APPROVAL,
    UNAVAILABLE,
    /** Not called because an earlier call found the policy service unavailable. */
    SKIPPED
}
