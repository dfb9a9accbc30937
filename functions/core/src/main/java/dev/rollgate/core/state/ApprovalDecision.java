package dev.rollgate.core.state;

import java.time.Instant;
import java.util.Objects;

/**
 * A decision on an approval request.
 *
 * @param verdict   APPROVED or REJECTED
 * @param decidedBy the approver's identity, or {@code system:deadline} for a request that timed out
 * @param reason    mandatory, non-blank
 */
public record ApprovalDecision(ApprovalStatus verdict, String decidedBy, Instant decidedAt, String reason) {
    public ApprovalDecision {
        Objects.requireNonNull(verdict, "verdict");
        if (verdict == ApprovalStatus.PENDING) {
            throw new IllegalArgumentException("a decision is APPROVED or REJECTED, not PENDING");
        }
        StateLimits.requireId(decidedBy, "decidedBy");
        Objects.requireNonNull(decidedAt, "decidedAt");
        StateLimits.requireText(reason, "decision reason", StateLimits.MAX_TEXT_BYTES);
        if (reason.isBlank()) {
            throw new IllegalArgumentException("decision reason must not be blank");
        }
    }
}
