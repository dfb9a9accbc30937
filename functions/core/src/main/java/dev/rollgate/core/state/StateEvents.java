package dev.rollgate.core.state;

import java.util.Map;

/** The history events the state stores write themselves, identical in every backend. */
public final class StateEvents {
    public static final String ROLLOUT_CREATED = "ROLLOUT_CREATED";
    public static final String APPROVAL_DECIDED = "APPROVAL_DECIDED";

    private StateEvents() {
    }

    /** Written together with a new rollout: who started what under which policy. */
    public static HistoryEntry created(Rollout rollout) {
        return new HistoryEntry(rollout.createdAt(), ROLLOUT_CREATED, rollout.requester(),
                rollout.state().lastReason(), Map.of("candidateVersion", rollout.candidateVersion(),
                "baselineVersion", rollout.baselineVersion(), "policy",
                rollout.policyName() + "@" + rollout.policyVersion()));
    }

    /** Written together with the decision that won; the actor is the approver. */
    public static HistoryEntry approvalDecided(ApprovalRequest request, ApprovalDecision decision) {
        return new HistoryEntry(decision.decidedAt(), APPROVAL_DECIDED, decision.decidedBy(),
                decision.verdict().name(), Map.of("approvalId", request.id(), "stage", request.stage(),
                "reason", decision.reason()));
    }
}
