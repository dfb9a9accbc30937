package dev.rollgate.core.state;

/** What a decision attempt did. Of any number of concurrent attempts on one request exactly one is Decided. */
public sealed interface DecideOutcome {
    /** This decision won; {@code request} is the stored, decided request. */
    record Decided(ApprovalRequest request, HistoryEvent event) implements DecideOutcome {
    }

    /** Someone decided first; {@code request} carries their decision. Nothing was written. */
    record AlreadyDecided(ApprovalRequest request) implements DecideOutcome {
    }

    /** An approval after the deadline is refused (the request resolves as rejected instead). */
    record PastDeadline(ApprovalRequest request) implements DecideOutcome {
    }

    record NotFound(String approvalId) implements DecideOutcome {
    }
}
