package dev.rollgate.core.policy;

import java.util.Optional;

/**
 * Conditions checked at every metric window; any one firing rolls the stage back. Absent values are
 * switched off for that stage. A critical incident always fires.
 *
 * @param maxErrorRateRatio        canary/baseline error-rate ratio above which to roll back (sequential test)
 * @param maxPolicyDenyRate        canary policy-deny rate above which to roll back (sequential test)
 * @param overload                 sustained overload reason codes
 * @param maxApprovalBacklog       canary approval backlog above which to roll back
 * @param maxParseFailureRatio     canary/baseline parse-failure ratio (shadow)
 * @param maxSafetyDenyRatio       canary/baseline safety-deny ratio (shadow)
 * @param alpha                    false-trigger probability bound for the sequential tests over a rollout
 */
public record RollbackTriggers(Optional<Double> maxErrorRateRatio, Optional<Double> maxPolicyDenyRate,
                               Optional<OverloadTrigger> overload, Optional<Integer> maxApprovalBacklog,
                               Optional<Double> maxParseFailureRatio, Optional<Double> maxSafetyDenyRatio,
                               double alpha) {
    public static final double DEFAULT_ALPHA = 0.01;

    public static RollbackTriggers none() {
        return new RollbackTriggers(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), DEFAULT_ALPHA);
    }

    /** Human-readable list for {@code policy explain}. */
    public String describe() {
        StringBuilder out = new StringBuilder();
        maxErrorRateRatio.ifPresent(v -> append(out, "error-rate ratio > " + PolicyFormat.number(v)));
        maxPolicyDenyRate.ifPresent(v -> append(out, "policy-deny rate > " + PolicyFormat.number(v)));
        overload.ifPresent(o -> append(out, "overload " + String.join("|", o.reasonCodes()) + " sustained "
                + PolicyFormat.duration(o.sustainedFor())));
        maxApprovalBacklog.ifPresent(v -> append(out, "approval backlog > " + v));
        maxParseFailureRatio.ifPresent(v -> append(out, "parse-failure ratio > " + PolicyFormat.number(v)));
        maxSafetyDenyRatio.ifPresent(v -> append(out, "safety-deny ratio > " + PolicyFormat.number(v)));
        append(out, "critical incident");
        return out.toString();
    }

    private static void append(StringBuilder out, String part) {
        if (out.length() > 0) {
            out.append(", ");
        }
        out.append(part);
    }
}
