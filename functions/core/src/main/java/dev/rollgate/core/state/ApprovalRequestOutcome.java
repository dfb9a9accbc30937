package dev.rollgate.core.state;

/** What storing an approval request did. */
public sealed interface ApprovalRequestOutcome {
    record Requested(ApprovalRequest request) implements ApprovalRequestOutcome {
    }

    /**
     * A request with this id exists and was returned unchanged: it is already decided (a decision is final, so a
     * late retry never reopens it), or it already waits on this very task token.
     */
    record AlreadyRequested(ApprovalRequest existing) implements ApprovalRequestOutcome {
    }

    /**
     * A request with this id was still pending under another task token (a retried AwaitApproval attempt, whose
     * earlier token is dead): the stored token is now the new one, so a decision completes the waiting attempt.
     * Everything else (stage, reason, created time, deadline) stays as first requested.
     */
    record TokenRefreshed(ApprovalRequest request) implements ApprovalRequestOutcome {
    }
}
