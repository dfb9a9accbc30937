package dev.rollgate.aws.cordum;

import dev.rollgate.core.preflight.PolicyDecision;
import dev.rollgate.core.preflight.RunStatus;
import dev.rollgate.core.preflight.StepDecision;

import java.util.Locale;
import java.util.Map;

/** Cordum's decision and status strings, mapped exactly; anything else is UNRECOGNIZED (never allowed). */
final class CordumDecisions {
    private static final Map<String, PolicyDecision> POLICY = Map.of(
            "DECISION_TYPE_ALLOW", PolicyDecision.ALLOW,
            "DECISION_TYPE_ALLOW_WITH_CONSTRAINTS", PolicyDecision.ALLOW_WITH_CONSTRAINTS,
            "DECISION_TYPE_DENY", PolicyDecision.DENY,
            "DECISION_TYPE_REQUIRE_HUMAN", PolicyDecision.REQUIRE_HUMAN,
            "DECISION_TYPE_THROTTLE", PolicyDecision.THROTTLE,
            "DECISION_TYPE_UNSPECIFIED", PolicyDecision.UNSPECIFIED,
            "DECISION_TYPE_QUARANTINE", PolicyDecision.QUARANTINE,
            "DECISION_TYPE_REDACT", PolicyDecision.REDACT);
    private static final Map<String, StepDecision> STEP = Map.of(
            "ALLOW", StepDecision.ALLOW,
            "ALLOW_WITH_CONSTRAINTS", StepDecision.ALLOW_WITH_CONSTRAINTS,
            "DENY", StepDecision.DENY,
            "REQUIRE_APPROVAL", StepDecision.REQUIRE_APPROVAL,
            "THROTTLE", StepDecision.THROTTLE,
            "UNKNOWN", StepDecision.UNKNOWN,
            "N/A", StepDecision.NOT_APPLICABLE,
            "ERROR", StepDecision.ERROR);

    private CordumDecisions() {
    }

    static PolicyDecision policy(String raw) {
        return POLICY.getOrDefault(raw, PolicyDecision.UNRECOGNIZED);
    }

    static StepDecision step(String raw) {
        return STEP.getOrDefault(raw, StepDecision.UNRECOGNIZED);
    }

    static RunStatus run(String raw) {
        return switch (raw) {
            case "pending", "running", "waiting", "succeeded", "failed", "denied", "cancelled", "timed_out" ->
                    RunStatus.valueOf(raw.toUpperCase(Locale.ROOT));
            default -> RunStatus.UNRECOGNIZED;
        };
    }
}
