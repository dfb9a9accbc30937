package dev.rollgate.core.workflow;

import dev.rollgate.core.state.ApprovalDecision;
import dev.rollgate.core.state.ApprovalRequest;
import dev.rollgate.core.state.ApprovalStatus;
import dev.rollgate.core.state.Approvals;
import dev.rollgate.core.state.DecideOutcome;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * The console-side approval callback: records a human's decision (one winner under concurrency, four eyes, tenant
 * scope) and wakes the waiting workflow with the stored task token. Role checks happen before this is called.
 */
public final class DecideApproval {
    private final Approvals approvals;
    private final TaskCallbacks callbacks;

    public DecideApproval(Approvals approvals, TaskCallbacks callbacks) {
        this.approvals = approvals;
        this.callbacks = callbacks;
    }

    /**
     * @param approver        the deciding user's identity
     * @param approverTenants the tenants the user may act for
     * @param reason          mandatory, non-blank
     */
    public ApprovalDecisionOutcome decide(String approvalId, boolean approve, String approver,
                                          Set<String> approverTenants, String reason, Instant now) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a decision needs a reason");
        }
        Optional<ApprovalRequest> request = approvals.get(approvalId);
        if (request.isEmpty()) {
            return new ApprovalDecisionOutcome.NotFound(approvalId);
        }
        if (!approverTenants.contains(request.get().tenant())) {
            return new ApprovalDecisionOutcome.Forbidden(approvalId);
        }
        if (approve && request.get().requester().equals(approver)) {
            return new ApprovalDecisionOutcome.SelfApprovalDenied(approvalId);
        }
        DecideOutcome outcome = approvals.decide(approvalId, new ApprovalDecision(
                approve ? ApprovalStatus.APPROVED : ApprovalStatus.REJECTED, approver, now, reason));
        if (outcome instanceof DecideOutcome.Decided decided) {
            callbacks.succeed(decided.request().taskToken(), "{\"approved\":" + approve + "}");
            return new ApprovalDecisionOutcome.Accepted(approvalId, approve);
        }
        if (outcome instanceof DecideOutcome.AlreadyDecided already) {
            return new ApprovalDecisionOutcome.AlreadyDecided(approvalId,
                    already.request().decision().map(ApprovalDecision::decidedBy).orElse("unknown"));
        }
        if (outcome instanceof DecideOutcome.PastDeadline) {
            return new ApprovalDecisionOutcome.PastDeadline(approvalId);
        }
        return new ApprovalDecisionOutcome.NotFound(approvalId);
    }
}
