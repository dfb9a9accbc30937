package dev.rollgate.core.preflight;

/** A policy decision for one simulated job topic. */
public enum PolicyDecision {
    ALLOW,
    ALLOW_WITH_CONSTRAINTS,
    DENY,
    REQUIRE_HUMAN,
    THROTTLE,
    UNSPECIFIED,
    QUARANTINE,
    REDACT,
    /** A value this version does not know: the contract changed, so it never counts as allowed. */
    UNRECOGNIZED
}
