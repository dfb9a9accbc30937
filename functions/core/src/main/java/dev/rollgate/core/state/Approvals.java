package dev.rollgate.core.state;

import java.util.Optional;

/** Approval requests and their one-time decisions. */
public interface Approvals {
    /** Stores a PENDING request unless one with its id exists. */
    ApprovalRequestOutcome request(ApprovalRequest request);

    Optional<ApprovalRequest> get(String approvalId);

    /**
     * Points a still PENDING request at the task token the workflow now waits on: Step Functions gives a retried
     * {@code .waitForTaskToken} task a new token and the first one is dead. A decided request is left as it is.
     * Returns the request as stored afterwards, empty when there is none.
     */
    Optional<ApprovalRequest> replaceTaskToken(String approvalId, String taskToken);

    /** A tenant's PENDING requests, oldest first. */
    Page<ApprovalRequest> pending(String tenant, PageRequest page);

    /**
     * Decides a PENDING request and appends an {@code APPROVAL_DECIDED} event to the rollout's history in the
     * same write. APPROVED after the deadline is refused as {@link DecideOutcome.PastDeadline}; REJECTED is always
     * accepted while pending (that is how an overdue request resolves).
     */
    DecideOutcome decide(String approvalId, ApprovalDecision decision);
}
