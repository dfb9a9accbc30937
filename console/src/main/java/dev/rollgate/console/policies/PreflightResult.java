package dev.rollgate.console.policies;

import dev.rollgate.core.preflight.PreflightVerdict;

/** What asking for a policy's preflight did. */
public sealed interface PreflightResult {
    /** The preflight ran; the verdict lists every check. */
    record Ran(PreflightVerdict verdict) implements PreflightResult {
    }

    /** Not run: missing role, other tenant, invalid policy, nothing to check, or no Cordum connection. */
    record Refused(String why) implements PreflightResult {
    }
}
