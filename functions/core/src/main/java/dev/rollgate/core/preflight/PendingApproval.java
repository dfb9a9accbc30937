package dev.rollgate.core.preflight;

import java.util.Objects;

/**
 * One entry of the approval queue. Empty strings stand for fields the service left out.
 */
public record PendingApproval(String jobId, String jobState, String topic, String tenant, String decision,
                              String policyRuleId, String policyReason, String approvalStatus, String workflowId,
                              String workflowRunId, String workflowStepId, String stepName, String gateType) {
    public PendingApproval {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(jobState, "jobState");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(policyRuleId, "policyRuleId");
        Objects.requireNonNull(policyReason, "policyReason");
        Objects.requireNonNull(approvalStatus, "approvalStatus");
        Objects.requireNonNull(workflowId, "workflowId");
        Objects.requireNonNull(workflowRunId, "workflowRunId");
        Objects.requireNonNull(workflowStepId, "workflowStepId");
        Objects.requireNonNull(stepName, "stepName");
        Objects.requireNonNull(gateType, "gateType");
    }
}
