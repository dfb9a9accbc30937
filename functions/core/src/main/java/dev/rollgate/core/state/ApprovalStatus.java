package dev.rollgate.core.state;

/** Where an approval request is. A request leaves PENDING exactly once. */
public enum ApprovalStatus {
    PENDING,
    APPROVED,
    REJECTED
}
