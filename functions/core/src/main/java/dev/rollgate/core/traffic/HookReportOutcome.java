package dev.rollgate.core.traffic;

/** What reporting a hook verdict did; a retried report finds the hook already completed. */
public enum HookReportOutcome {
    REPORTED,
    /** The hook had already completed (reported before, or timed out after its one-hour limit). */
    ALREADY_COMPLETED
}
