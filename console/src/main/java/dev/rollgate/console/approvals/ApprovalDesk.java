package dev.rollgate.console.approvals;

import dev.rollgate.console.rollouts.HistoryVocabulary;
import dev.rollgate.console.security.ConsoleUser;
import dev.rollgate.console.security.Guard;
import dev.rollgate.console.security.Role;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Pending approvals and decisions on them. Every rule is checked here, on the server, whatever the page shows:
 * the APPROVER role, the tenant, a non-blank reason, and four eyes (whoever started the rollout may not decide
 * its approvals). The store makes exactly one of concurrent decisions win and writes the decision into the
 * rollout's history with the approver's identity; only then is the workflow told.
 */
@Service
public class ApprovalDesk {
    static final int PAGE_SIZE = 50;
    private static final String NEEDS_APPROVER = "deciding approvals needs the APPROVER role";
    private static final String NOT_IN_TENANTS = "no such approval in your tenants";
    private static final String FOUR_EYES = "you started this rollout, so someone else must decide (four eyes)";
    private static final Logger LOG = LoggerFactory.getLogger(ApprovalDesk.class);

    private final Approvals approvals;
    private final Rollouts rollouts;
    private final RolloutHistory history;
    private final ApprovalCallback callback;
    private final Clock clock;

    public ApprovalDesk(Approvals approvals, Rollouts rollouts, RolloutHistory history, ApprovalCallback callback,
                        Clock clock) {
        this.approvals = approvals;
        this.rollouts = rollouts;
        this.history = history;
        this.callback = callback;
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
        Optional<ApprovalRequest> request = approvals.get(approvalId).filter(a -> user.canSee(a.tenant()));
        if (request.isEmpty()) {
            return Optional.of(NOT_IN_TENANTS);
        }
        if (isRequester(user, request.get())) {
            return Optional.of(FOUR_EYES);
        }
        return Optional.empty();
    }

    public DecisionResult decide(ConsoleUser user, String approvalId, ApprovalStatus verdict, String reason) {
        Optional<String> refusal = whyNot(user, approvalId);
        if (refusal.isPresent()) {
            return new DecisionResult.Refused(refusal.get());
        }
        if (verdict == ApprovalStatus.PENDING) {
            return new DecisionResult.Refused("a decision is approve or reject");
        }
        if (reason == null || reason.isBlank()) {
            return new DecisionResult.Refused("a reason is required");
        }
        if (StateLimits.utf8Length(reason) > StateLimits.MAX_TEXT_BYTES) {
            return new DecisionResult.Refused("the reason is longer than " + StateLimits.MAX_TEXT_BYTES + " bytes");
        }
        ApprovalDecision decision = new ApprovalDecision(verdict, user.username(), clock.instant(), reason.strip());
        DecideOutcome outcome = approvals.decide(approvalId, decision);
        if (outcome instanceof DecideOutcome.Decided decided) {
            return deliver(decided.request(), decision);
        }
        if (outcome instanceof DecideOutcome.AlreadyDecided already) {
            ApprovalDecision first = already.request().decision().orElseThrow();
            return new DecisionResult.AlreadyDecided(first.verdict(), first.decidedBy());
        }
        if (outcome instanceof DecideOutcome.PastDeadline) {
            return new DecisionResult.PastDeadline();
        }
        return new DecisionResult.Refused("no such approval in your tenants");
    }

    private boolean isRequester(ConsoleUser user, ApprovalRequest request) {
        if (request.requester().equals(user.username())) {
            return true;
        }
        // The rollout's requester counts too, should a request ever carry another name.
        return rollouts.get(request.rolloutId()).map(r -> r.requester().equals(user.username())).orElse(false);
    }

    private DecisionResult deliver(ApprovalRequest request, ApprovalDecision decision) {
        String detail;
        try {
            CallbackOutcome sent = callback.send(request, decision);
            if (sent instanceof CallbackOutcome.Delivered) {
                return new DecisionResult.Decided(decision.verdict());
            }
            detail = ((CallbackOutcome.NoLongerWaiting) sent).detail();
        } catch (RuntimeException e) {
            // The decision is stored; the workflow's own timeout resolves the step if it never hears of it.
            LOG.warn("approval {} decided but not delivered to the workflow", request.id(), e);
            detail = "the workflow could not be reached";
        }
        history.append(request.rolloutId(), new HistoryEntry(clock.instant(),
                HistoryVocabulary.APPROVAL_NOT_DELIVERED, decision.decidedBy(), decision.verdict().name(),
                Map.of("approvalId", request.id(), "detail", detail)));
        return new DecisionResult.DecidedNotDelivered(decision.verdict(), detail);
    }
}
