package dev.rollgate.core.workflow;

/** What an approver's decision did. Exactly one of concurrent decisions on one request is {@code Accepted}. */
public sealed interface ApprovalDecisionOutcome {
    record Accepted(String approvalId, boolean approved) implements ApprovalDecisionOutcome {
    }

    /** Someone decided first; nothing changed. */
    record AlreadyDecided(String approvalId, String decidedBy) implements ApprovalDecisionOutcome {
    }

    /** Four eyes: the person who started the rollout cannot approve it. */
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
}
