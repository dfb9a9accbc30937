package dev.rollgate.core.state;

import java.util.Optional;

/** Approval requests and their one-time decisions. */
public interface Approvals {
    /**
     * Stores a PENDING request unless one with its id exists. If it exists and is still pending, a different task
     * token replaces the stored one ({@link ApprovalRequestOutcome.TokenRefreshed}); a decided request is never
     * changed or reopened.
     */
    ApprovalRequestOutcome request(ApprovalRequest request);

    Optional<ApprovalRequest> get(String approvalId);

    /** A tenant's PENDING requests, oldest first. */
    Page<ApprovalRequest> pending(String tenant, PageRequest page);

    /**
     * Decides a PENDING request and appends an {@code APPROVAL_DECIDED} event to the rollout's history in the
     * same write. APPROVED after the deadline is refused as {@link DecideOutcome.PastDeadline}; REJECTED is always
     * accepted while pending (that is how an overdue request resolves).
     */
    DecideOutcome decide(String approvalId, ApprovalDecision decision);
}
