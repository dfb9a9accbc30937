package dev.rollgate.console.approvals;

import dev.rollgate.console.security.ConsoleUser;
import dev.rollgate.console.security.Role;
import dev.rollgate.core.approval.ApprovalCallback;
import dev.rollgate.core.state.ApprovalRequest;
import dev.rollgate.core.state.ApprovalStatus;
import dev.rollgate.core.state.Approvals;
import dev.rollgate.core.state.Page;
import dev.rollgate.core.state.PageRequest;
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
import java.util.ArrayList;
import java.util.Comparator;
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
    static final int PAGE_SIZE = 100;
    static final int MAX_PAGES_PER_TENANT = 10;
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

    /** Pending approvals of the user's tenants, oldest first (one query per tenant, merged). */
    public List<PendingApproval> pending(ConsoleUser user) {
        Instant now = clock.instant();
        List<ApprovalRequest> all = new ArrayList<>();
        for (String tenant : user.tenants()) {
            PageRequest request = PageRequest.first(PAGE_SIZE);
            for (int i = 0; i < MAX_PAGES_PER_TENANT; i++) {
                Page<ApprovalRequest> page = approvals.pending(tenant, request);
                all.addAll(page.items());
                if (!page.hasNext()) {
                    break;
                }
                request = request.next(page);
            }
        }
        return all.stream().sorted(Comparator.comparing(ApprovalRequest::createdAt).thenComparing(ApprovalRequest::id))
                .map(a -> new PendingApproval(a.id(), a.rolloutId(), a.tenant(), a.stage(), a.reason(),
                        a.requester(), a.createdAt(), a.deadline(), Duration.between(a.createdAt(), now),
                        a.isOverdue(now)))
                .toList();
    }

    /** Why {@code user} may not decide {@code approvalId}, or empty when they may (the page hides the buttons). */
    public Optional<String> whyNot(ConsoleUser user, String approvalId) {
        if (!user.has(Role.APPROVER)) {
            return Optional.of("deciding approvals needs the APPROVER role");
        }
        return decisions.refusal(approvalId, user.username(), user.tenants()).map(ApprovalDesk::words);
    }

    public DecisionResult decide(ConsoleUser user, String approvalId, ApprovalStatus verdict, String reason) {
        if (!user.has(Role.APPROVER)) {
            return new DecisionResult.Refused("deciding approvals needs the APPROVER role");
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
            return "you started this rollout, so someone else must decide (four eyes)";
        }
        if (refusal instanceof ApprovalDecisionOutcome.Invalid invalid) {
            return invalid.problem();
        }
        // Unknown and other tenants' approvals read the same, so ids of other tenants cannot be probed.
        return "no such approval in your tenants";
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
