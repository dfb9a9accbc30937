package dev.rollgate.core.state;

/** What storing an approval request did. */
public sealed interface ApprovalRequestOutcome {
    record Requested(ApprovalRequest request) implements ApprovalRequestOutcome {
    }

    /** A request with this id exists (a retried step); it is returned unchanged. */
    record AlreadyRequested(ApprovalRequest existing) implements ApprovalRequestOutcome {
    }
}
