package dev.rollgate.core.workflow;

import dev.rollgate.core.approval.ApprovalCallback;
import dev.rollgate.core.approval.CallbackOutcome;
import dev.rollgate.core.state.ApprovalDecision;
import dev.rollgate.core.state.ApprovalRequest;
import dev.rollgate.core.state.ApprovalStatus;
import dev.rollgate.core.state.Approvals;
import dev.rollgate.core.state.DecideOutcome;
import dev.rollgate.core.state.HistoryEntry;
import dev.rollgate.core.state.RolloutHistory;
import dev.rollgate.core.state.Rollouts;
import dev.rollgate.core.state.StateLimits;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one place a human's approval decision is checked and recorded, for the console and for the approval
 * callback function alike: tenant scope, four eyes (whoever started the rollout may not decide its approvals),
 * a non-blank reason of bounded size, exactly one winner under concurrency (the store's conditional write, which
 * also writes the decision into history), and only then delivery to the waiting workflow. A decision that is
 * stored but cannot be delivered stays stored and is written to history. Roles are the caller's business: the
 * console checks its APPROVER role, the function URL its IAM permission, before calling this.
 */
public final class DecideApproval {
    /** The history event of a decision that was stored but could not be handed to the workflow. */
    public static final String NOT_DELIVERED_EVENT = "APPROVAL_CALLBACK_NOT_DELIVERED";

    private final Approvals approvals;
    private final Rollouts rollouts;
    private final RolloutHistory history;
    private final ApprovalCallback callback;

    public DecideApproval(Approvals approvals, Rollouts rollouts, RolloutHistory history, ApprovalCallback callback) {
        this.approvals = approvals;
        this.rollouts = rollouts;
        this.history = history;
        this.callback = callback;
    }

    /**
     * Why {@code approver} may not decide {@code approvalId} at all (unknown, other tenant, four eyes), or empty
     * when they may; pages use it to offer the decision only to those who can make it.
     */
    public Optional<ApprovalDecisionOutcome> refusal(String approvalId, String approver, Set<String> approverTenants) {
        Optional<ApprovalRequest> request = approvals.get(approvalId);
        if (request.isEmpty()) {
            return Optional.of(new ApprovalDecisionOutcome.NotFound(approvalId));
        }
        if (!approverTenants.contains(request.get().tenant())) {
            return Optional.of(new ApprovalDecisionOutcome.Forbidden(approvalId));
        }
        if (isRequester(approver, request.get())) {
            return Optional.of(new ApprovalDecisionOutcome.SelfApprovalDenied(approvalId));
        }
        return Optional.empty();
    }

    /**
     * @param approver        the deciding person's identity, as history records it
     * @param approverTenants the tenants the person may act for
     * @param reason          mandatory, non-blank, at most {@link StateLimits#MAX_TEXT_BYTES} bytes
     */
    public ApprovalDecisionOutcome decide(String approvalId, boolean approve, String approver,
                                          Set<String> approverTenants, String reason, Instant now) {
        Optional<ApprovalDecisionOutcome> refused = refusal(approvalId, approver, approverTenants);
        if (refused.isPresent()) {
            return refused.get();
        }
        if (reason == null || reason.isBlank()) {
            return new ApprovalDecisionOutcome.Invalid(approvalId, "a reason is required");
        }
        if (StateLimits.utf8Length(reason) > StateLimits.MAX_TEXT_BYTES) {
            return new ApprovalDecisionOutcome.Invalid(approvalId,
                    "the reason is longer than " + StateLimits.MAX_TEXT_BYTES + " bytes");
        }
        ApprovalDecision decision = new ApprovalDecision(approve ? ApprovalStatus.APPROVED : ApprovalStatus.REJECTED,
                approver, now, reason.strip());
        DecideOutcome outcome = approvals.decide(approvalId, decision);
        if (outcome instanceof DecideOutcome.Decided decided) {
            return deliver(decided.request(), decision, now);
        }
        if (outcome instanceof DecideOutcome.AlreadyDecided already) {
            Optional<ApprovalDecision> first = already.request().decision();
            return new ApprovalDecisionOutcome.AlreadyDecided(approvalId,
                    first.map(ApprovalDecision::decidedBy).orElse("unknown"),
                    first.map(d -> d.verdict() == ApprovalStatus.APPROVED).orElse(false));
        }
        if (outcome instanceof DecideOutcome.PastDeadline) {
            return new ApprovalDecisionOutcome.PastDeadline(approvalId);
        }
        return new ApprovalDecisionOutcome.NotFound(approvalId);
    }

    private boolean isRequester(String approver, ApprovalRequest request) {
        if (request.requester().equals(approver)) {
            return true;
        }
        // The rollout's requester counts too, should a request ever carry another name.
        return rollouts.get(request.rolloutId()).map(r -> r.requester().equals(approver)).orElse(false);
    }

    private ApprovalDecisionOutcome deliver(ApprovalRequest request, ApprovalDecision decision, Instant now) {
        boolean approved = decision.verdict() == ApprovalStatus.APPROVED;
        String detail;
        try {
            CallbackOutcome sent = callback.send(request, decision);
            if (sent instanceof CallbackOutcome.Delivered) {
                return new ApprovalDecisionOutcome.Accepted(request.id(), approved);
            }
            detail = ((CallbackOutcome.NoLongerWaiting) sent).detail();
        } catch (RuntimeException e) {
            // The decision is stored; the workflow's own timeout resolves the step if it never hears of it.
            detail = "the workflow could not be reached";
        }
        history.append(request.rolloutId(), new HistoryEntry(now, NOT_DELIVERED_EVENT,
                decision.decidedBy(), decision.verdict().name(), Map.of("approvalId", request.id(),
                "detail", detail)));
        return new ApprovalDecisionOutcome.AcceptedNotDelivered(request.id(), approved, detail);
    }
}
