package dev.rollgate.core.workflow;

/**
 * What an approver's decision did. Exactly one of concurrent decisions on one request is {@code Accepted} or
 * {@code AcceptedNotDelivered}; every other outcome changed nothing.
 */
public sealed interface ApprovalDecisionOutcome {
    /** Stored and delivered to the waiting workflow. */
    record Accepted(String approvalId, boolean approved) implements ApprovalDecisionOutcome {
    }

    /**
     * Stored, but the workflow no longer waited for it or could not be reached; the rollout's history says so and
     * the workflow's own timeout resolves the step.
     */
    record AcceptedNotDelivered(String approvalId, boolean approved, String detail)
            implements ApprovalDecisionOutcome {
    }

    /** Someone decided first; nothing changed. */
    record AlreadyDecided(String approvalId, String decidedBy, boolean approved) implements ApprovalDecisionOutcome {
    }

    /** Four eyes: the person who started the rollout may not decide its approvals (approve or reject). */
    record SelfApprovalDenied(String approvalId) implements ApprovalDecisionOutcome {
    }

    /** The deadline passed; the request resolves as rejected. */
    record PastDeadline(String approvalId) implements ApprovalDecisionOutcome {
    }

    record NotFound(String approvalId) implements ApprovalDecisionOutcome {
    }

    /** The caller may not decide for this tenant. */
    record Forbidden(String approvalId) implements ApprovalDecisionOutcome {
    }

    /** The decision itself is not valid (a missing or oversized reason); nothing was stored. */
    record Invalid(String approvalId, String problem) implements ApprovalDecisionOutcome {
    }
}
