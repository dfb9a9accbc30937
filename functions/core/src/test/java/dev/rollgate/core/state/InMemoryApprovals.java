package dev.rollgate.core.state;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Fake {@link Approvals}; the decision and its history event happen under one lock. */
public final class InMemoryApprovals implements Approvals {
    private static final Comparator<ApprovalRequest> OLDEST_FIRST =
            Comparator.comparing(ApprovalRequest::createdAt).thenComparing(ApprovalRequest::id);

    private final Map<String, ApprovalRequest> byId = new HashMap<>();
    private final InMemoryRolloutHistory history;

    public InMemoryApprovals(InMemoryRolloutHistory history) {
        this.history = history;
    }

    @Override
    public synchronized ApprovalRequestOutcome request(ApprovalRequest request) {
        if (request.status() != ApprovalStatus.PENDING) {
            throw new IllegalArgumentException("a new approval request must be PENDING");
        }
        ApprovalRequest existing = byId.get(request.id());
        if (existing != null) {
            return new ApprovalRequestOutcome.AlreadyRequested(existing);
        }
        byId.put(request.id(), request);
        return new ApprovalRequestOutcome.Requested(request);
    }

    @Override
    public synchronized Optional<ApprovalRequest> get(String approvalId) {
        return Optional.ofNullable(byId.get(approvalId));
    }

    @Override
    public synchronized Optional<ApprovalRequest> replaceTaskToken(String approvalId, String taskToken) {
        ApprovalRequest current = byId.get(approvalId);
        if (current != null && current.status() == ApprovalStatus.PENDING) {
            byId.put(approvalId, current.withTaskToken(taskToken));
        }
        return Optional.ofNullable(byId.get(approvalId));
    }

    @Override
    public synchronized Page<ApprovalRequest> pending(String tenant, PageRequest page) {
        List<ApprovalRequest> sorted = byId.values().stream()
                .filter(a -> a.tenant().equals(tenant) && a.status() == ApprovalStatus.PENDING)
                .sorted(OLDEST_FIRST).toList();
        return InMemoryPages.page(sorted, page, ApprovalRequest::id);
    }

    @Override
    public synchronized DecideOutcome decide(String approvalId, ApprovalDecision decision) {
        ApprovalRequest current = byId.get(approvalId);
        if (current == null) {
            return new DecideOutcome.NotFound(approvalId);
        }
        if (current.status() != ApprovalStatus.PENDING) {
            return new DecideOutcome.AlreadyDecided(current);
        }
        if (decision.verdict() == ApprovalStatus.APPROVED && decision.decidedAt().isAfter(current.deadline())) {
            return new DecideOutcome.PastDeadline(current);
        }
        ApprovalRequest decided = current.decided(decision);
        byId.put(approvalId, decided);
        HistoryEvent event = history.append(decided.rolloutId(), StateEvents.approvalDecided(decided, decision));
        return new DecideOutcome.Decided(decided, event);
    }
}
