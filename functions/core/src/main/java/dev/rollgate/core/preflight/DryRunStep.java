package dev.rollgate.core.preflight;

import java.util.Objects;

/**
 * One step of a workflow dry-run.
 *
 * @param stepId      step id
 * @param stepName    step name, empty when the service gave none
 * @param stepType    step type
 * @param decision    the safety decision
 * @param rawDecision the decision exactly as the service wrote it
 * @param reason      the service's reason text
 * @param ruleId      the matching rule, empty when none
 */
public record DryRunStep(String stepId, String stepName, String stepType, StepDecision decision, String rawDecision,
                         String reason, String ruleId) {
    public DryRunStep {
        Objects.requireNonNull(stepId, "stepId");
        Objects.requireNonNull(stepName, "stepName");
        Objects.requireNonNull(stepType, "stepType");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(rawDecision, "rawDecision");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(ruleId, "ruleId");
    }
}
