package dev.rollgate.console.approvals;

import dev.rollgate.core.state.ApprovalStatus;

/** What an approver's decision did, in words the page can show. */
public sealed interface DecisionResult {
    /** Stored and delivered to the workflow. */
    record Decided(ApprovalStatus verdict) implements DecisionResult {
    }

    /** Stored, but the workflow no longer waited for it (or could not be reached); recorded in history. */
    record DecidedNotDelivered(ApprovalStatus verdict, String detail) implements DecisionResult {
    }

    /** Someone else decided first. */
    record AlreadyDecided(ApprovalStatus verdict, String decidedBy) implements DecisionResult {
    }

    /** Approving after the deadline is refused; the request resolves as rejected. */
    record PastDeadline() implements DecisionResult {
    }

    /** Not allowed or not valid: missing role, own rollout, blank reason, unknown approval. */
    record Refused(String why) implements DecisionResult {
    }
}
