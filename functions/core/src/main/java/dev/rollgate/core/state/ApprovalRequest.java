package dev.rollgate.core.state;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import static dev.rollgate.core.state.StateLimits.requireId;
import static dev.rollgate.core.state.StateLimits.requireText;

/**
 * A request for a human decision before a rollout leaves a stage.
 *
 * @param id        chosen by the caller; deriving it from rollout and stage makes a retried request a no-op
 * @param reason    why approval is needed, e.g. {@code policy-required} or {@code marginal-score}
 * @param requester who started the rollout (four eyes: they may not approve it)
 * @param taskToken the Step Functions task token to complete; server side only, never shown or logged
 * @param decision  present once the request left PENDING
 */
public record ApprovalRequest(String id, String rolloutId, String tenant, String stage, String reason,
                              String requester, String taskToken, Instant createdAt, Instant deadline,
                              ApprovalStatus status, Optional<ApprovalDecision> decision) {
    public ApprovalRequest {
        requireId(id, "approval id");
        requireId(rolloutId, "rolloutId");
        requireId(tenant, "tenant");
        requireId(stage, "stage");
        requireText(reason, "approval reason", StateLimits.MAX_TEXT_BYTES);
        requireId(requester, "requester");
        // Step Functions task tokens are up to 1024 characters.
        requireText(taskToken, "taskToken", 2048);
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(deadline, "deadline");
        if (deadline.isBefore(createdAt)) {
            throw new IllegalArgumentException("approval deadline is before its creation time");
        }
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(decision, "decision");
        if ((status == ApprovalStatus.PENDING) != decision.isEmpty()) {
            throw new IllegalArgumentException("an approval has a decision exactly when it is not PENDING");
        }
        if (decision.isPresent() && decision.get().verdict() != status) {
            throw new IllegalArgumentException("approval status and decision verdict differ");
        }
    }

    /** A new PENDING request. */
    public static ApprovalRequest pending(String id, String rolloutId, String tenant, String stage, String reason,
                                          String requester, String taskToken, Instant createdAt,
                                          Instant deadline) {
        return new ApprovalRequest(id, rolloutId, tenant, stage, reason, requester, taskToken, createdAt, deadline,
                ApprovalStatus.PENDING, Optional.empty());
    }

    public ApprovalRequest decided(ApprovalDecision d) {
        return new ApprovalRequest(id, rolloutId, tenant, stage, reason, requester, taskToken, createdAt, deadline,
                d.verdict(), Optional.of(d));
    }

    /** The same request waking another task token (a retried wait task runs with a new one). */
    public ApprovalRequest withTaskToken(String newToken) {
        return new ApprovalRequest(id, rolloutId, tenant, stage, reason, requester, newToken, createdAt, deadline,
                status, decision);
    }

    public boolean isOverdue(Instant now) {
        return status == ApprovalStatus.PENDING && now.isAfter(deadline);
    }

    public Duration age(Instant now) {
        return Duration.between(createdAt, now);
    }

    /** Keeps the task token out of logs and exception messages. */
    @Override
    public String toString() {
        return "ApprovalRequest[id=" + id + ", rolloutId=" + rolloutId + ", tenant=" + tenant + ", stage=" + stage
                + ", reason=" + reason + ", requester=" + requester + ", taskToken=<redacted>, createdAt="
                + createdAt + ", deadline=" + deadline + ", status=" + status + ", decision=" + decision + "]";
    }
}
