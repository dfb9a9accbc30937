package dev.rollgate.console.approvals;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One pending approval as listed (no task token: it never leaves the server).
 *
 * @param whyNot why the listing user may not decide it, judged from the request alone (role, tenant, four eyes
 *               on the request's requester) so a page of rows costs no extra reads; the decision itself re-checks
 *               everything, including the rollout's requester
 */
public record PendingApproval(String id, String rolloutId, String tenant, String stage, String reason,
                              String requester, Instant createdAt, Instant deadline, Duration age,
                              boolean overdue, Optional<String> whyNot) {
}
