package dev.rollgate.console.approvals;

import java.time.Duration;
import java.time.Instant;

/** One pending approval as listed (no task token: it never leaves the server). */
public record PendingApproval(String id, String rolloutId, String tenant, String stage, String reason,
                              String requester, Instant createdAt, Instant deadline, Duration age,
                              boolean overdue) {
}
