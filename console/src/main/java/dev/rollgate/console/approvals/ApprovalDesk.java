package dev.rollgate.console.approvals;

import dev.rollgate.console.security.ConsoleUser;
import dev.rollgate.console.security.Guard;
import dev.rollgate.console.security.Role;
import dev.rollgate.core.approval.ApprovalCallback;
import dev.rollgate.core.state.ApprovalRequest;
import dev.rollgate.core.state.ApprovalStatus;
import dev.rollgate.core.state.Approvals;
import dev.rollgate.core.state.RolloutHistory;
import dev.rollgate.core.state.Rollouts;
import dev.rollgate.core.workflow.ApprovalDecisionOutcome;
import dev.rollgate.core.workflow.DecideApproval;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The approvals page's adapter onto the core {@link DecideApproval} use case, which the approval callback
 * function uses too: this class adds what only the console knows (the APPROVER role, the signed-in user's
 * tenants, the listing of pending requests) and turns outcomes into words the page shows. Every rule is
 * checked on the server, whatever the page shows.
 */
@Service
public class ApprovalDesk {
    static final int PAGE_SIZE = 50;
    private static final String NEEDS_APPROVER = "deciding approvals needs the APPROVER role";
    private static final String NOT_IN_TENANTS = "no such approval in your tenants";
    private static final String FOUR_EYES = "you started this rollout, so someone else must decide (four eyes)";
    private static final Logger LOG = LoggerFactory.getLogger(ApprovalDesk.class);

    private final Approvals approvals;
    private final DecideApproval decisions;
    private final Clock clock;

    public ApprovalDesk(Approvals approvals, Rollouts rollouts, RolloutHistory history, ApprovalCallback callback,
                        Clock clock) {
        this.approvals = approvals;
        this.decisions = new DecideApproval(approvals, rollouts, history, logFailures(callback));
        this.clock = clock;
    }

    /** The oldest page of pending approvals of the user's tenants, oldest first. */
    public List<PendingApproval> pending(ConsoleUser user) {
        return pending(user, PendingCursor.first(user)).rows();
    }

    /**
     * One page of pending approvals of the user's tenants, oldest first, from {@code cursor}
     * ({@link PendingCursor#first} or the previous page's next). Whether the user may decide a row is judged from
     * the row itself, without further reads; {@link #decide} checks everything again.
     */
    public PendingPage pending(ConsoleUser user, PendingCursor cursor) {
        Instant now = clock.instant();
        cursor.tenants().keySet().forEach(t -> Guard.requireTenant(user, t));
        return PendingApprovalPages.page(approvals, cursor, PAGE_SIZE, a -> new PendingApproval(a.id(),
                a.rolloutId(), a.tenant(), a.stage(), a.reason(), a.requester(), a.createdAt(), a.deadline(),
                Duration.between(a.createdAt(), now), a.isOverdue(now), whyNotFromRequest(user, a)));
    }

    private static Optional<String> whyNotFromRequest(ConsoleUser user, ApprovalRequest request) {
        if (!user.has(Role.APPROVER)) {
            return Optional.of(NEEDS_APPROVER);
        }
        if (!user.canSee(request.tenant())) {
            return Optional.of(NOT_IN_TENANTS);
        }
        return request.requester().equals(user.username()) ? Optional.of(FOUR_EYES) : Optional.empty();
    }

    /** Why {@code user} may not decide {@code approvalId}, or empty when they may (the page hides the buttons). */
    public Optional<String> whyNot(ConsoleUser user, String approvalId) {
        if (!user.has(Role.APPROVER)) {
            return Optional.of(NEEDS_APPROVER);
        }
        return decisions.refusal(approvalId, user.username(), user.tenants()).map(ApprovalDesk::words);
    }

    public DecisionResult decide(ConsoleUser user, String approvalId, ApprovalStatus verdict, String reason) {
        if (!user.has(Role.APPROVER)) {
            return new DecisionResult.Refused(NEEDS_APPROVER);
        }
        if (verdict == null || verdict == ApprovalStatus.PENDING) {
            return new DecisionResult.Refused("a decision is approve or reject");
        }
        ApprovalDecisionOutcome outcome = decisions.decide(approvalId, verdict == ApprovalStatus.APPROVED,
                user.username(), user.tenants(), reason, clock.instant());
        if (outcome instanceof ApprovalDecisionOutcome.Accepted accepted) {
            return new DecisionResult.Decided(verdictOf(accepted.approved()));
        }
        if (outcome instanceof ApprovalDecisionOutcome.AcceptedNotDelivered stored) {
            return new DecisionResult.DecidedNotDelivered(verdictOf(stored.approved()), stored.detail());
        }
        if (outcome instanceof ApprovalDecisionOutcome.AlreadyDecided already) {
            return new DecisionResult.AlreadyDecided(verdictOf(already.approved()), already.decidedBy());
        }
        if (outcome instanceof ApprovalDecisionOutcome.PastDeadline) {
            return new DecisionResult.PastDeadline();
        }
        return new DecisionResult.Refused(words(outcome));
    }

    private static String words(ApprovalDecisionOutcome refusal) {
        if (refusal instanceof ApprovalDecisionOutcome.SelfApprovalDenied) {
            return FOUR_EYES;
        }
        if (refusal instanceof ApprovalDecisionOutcome.Invalid invalid) {
            return invalid.problem();
        }
        // Unknown and other tenants' approvals read the same, so ids of other tenants cannot be probed.
        return NOT_IN_TENANTS;
    }

    private static ApprovalStatus verdictOf(boolean approved) {
        return approved ? ApprovalStatus.APPROVED : ApprovalStatus.REJECTED;
    }

    /** The core records an undeliverable decision in history; the console's log keeps the cause. */
    private static ApprovalCallback logFailures(ApprovalCallback callback) {
        return (request, decision) -> {
            try {
                return callback.send(request, decision);
            } catch (RuntimeException e) {
                LOG.warn("approval {} decided but not delivered to the workflow", request.id(), e);
                throw e;
            }
        };
    }
}
