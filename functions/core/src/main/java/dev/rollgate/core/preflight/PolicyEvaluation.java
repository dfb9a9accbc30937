package dev.rollgate.core.preflight;

import java.util.Objects;

/**
 * The policy service's answer for one simulated job.
 *
 * @param decision         the decision, {@link PolicyDecision#UNRECOGNIZED} for a value this version does not know
 * @param rawDecision      the decision exactly as the service wrote it, for the history
 * @param reason           the service's reason text
 * @param ruleId           the matching rule, empty when none
 * @param approvalRequired whether the service asks for a human approval
 * @param approvalRef      the approval reference, empty when none
 */
public record PolicyEvaluation(PolicyDecision decision, String rawDecision, String reason, String ruleId,
                               boolean approvalRequired, String approvalRef) {
    public PolicyEvaluation {
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(rawDecision, "rawDecision");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(approvalRef, "approvalRef");
    }
}
