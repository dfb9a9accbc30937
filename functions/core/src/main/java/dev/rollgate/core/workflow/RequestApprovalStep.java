package dev.rollgate.core.workflow;

import dev.rollgate.core.lifecycle.RolloutState;
import dev.rollgate.core.lifecycle.RolloutStatus;
import dev.rollgate.core.state.ApprovalRequest;
import dev.rollgate.core.state.ApprovalRequestOutcome;
import dev.rollgate.core.state.Approvals;
import dev.rollgate.core.state.HistoryEntry;
import dev.rollgate.core.state.HistoryEvent;
import dev.rollgate.core.state.Page;
import dev.rollgate.core.state.PageRequest;
import dev.rollgate.core.state.RolloutHistory;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The workflow's AwaitApproval task (invoked with a task token): stores the approval request with the token,
 * server side only. If the rollout is no longer waiting (an abort came first), the token is completed at once so
 * the workflow moves on instead of waiting for a decision nobody can give.
 *
 * <p>The request and its {@value #EVENT} history event live in different tables, so an attempt can fail between
 * the two writes. The retried attempt then finds the request already stored and writes the event only if the
 * history does not hold it yet: the event is neither lost nor written twice.
 */
public final class RequestApprovalStep {
    public static final String EVENT = "APPROVAL_REQUESTED";
    private static final String APPROVAL_ID = "approvalId";
    private final RolloutAdvancer advancer;
    private final Approvals approvals;
    private final RolloutHistory history;
    private final TaskCallbacks callbacks;

    public RequestApprovalStep(RolloutAdvancer advancer, Approvals approvals, RolloutHistory history,
                               TaskCallbacks callbacks) {
        this.advancer = advancer;
        this.approvals = approvals;
        this.history = history;
        this.callbacks = callbacks;
    }

    public void run(String rolloutId, String taskToken, Instant now) {
        LoadedRollout loaded = advancer.load(rolloutId);
        RolloutState state = loaded.rollout().state();
        if (state.status() != RolloutStatus.HOLD) {
            callbacks.succeed(taskToken, "{\"skipped\":\"rollout is " + state.status() + "\"}");
            return;
        }
        String id = ApprovalIds.of(rolloutId, state);
        // A retried attempt comes with a new task token (the earlier one is dead): requesting again stores it, so
        // the decision completes the attempt that actually waits; a decided request stays as it is.
        ApprovalRequestOutcome outcome = approvals.request(ApprovalRequest.pending(id, rolloutId,
                loaded.rollout().tenant(), loaded.currentStage().name(), state.lastReason(),
                loaded.rollout().requester(), taskToken, now, now.plus(StepPlanner.APPROVAL_TIMEOUT)));
        boolean firstRequest = outcome instanceof ApprovalRequestOutcome.Requested;
        if (firstRequest || isPending(outcome) && !requestedEventStored(rolloutId, id)) {
            ApprovalRequest stored = storedRequest(outcome);
            advancer.advance(rolloutId, l -> new StepInput(List.of(), List.of(new HistoryEntry(now, EVENT,
                    "system:workflow", state.lastReason(), Map.of(APPROVAL_ID, id, "stage", stored.stage(),
                    "deadline", stored.deadline().toString()))), Optional.empty()), "system:workflow", now);
        }
        // A decision may have landed before this attempt ran (an operator abort, or a decision made while an
        // earlier attempt waited on a token that is now dead): wake this attempt at once.
        if (outcome instanceof ApprovalRequestOutcome.AlreadyRequested already
                && already.existing().decision().isPresent()) {
            callbacks.succeed(taskToken, "{\"decided\":true}");
        }
    }

    private static boolean isPending(ApprovalRequestOutcome outcome) {
        return outcome instanceof ApprovalRequestOutcome.TokenRefreshed
                || outcome instanceof ApprovalRequestOutcome.AlreadyRequested already
                && already.existing().decision().isEmpty();
    }

    private static ApprovalRequest storedRequest(ApprovalRequestOutcome outcome) {
        if (outcome instanceof ApprovalRequestOutcome.Requested requested) {
            return requested.request();
        }
        if (outcome instanceof ApprovalRequestOutcome.TokenRefreshed refreshed) {
            return refreshed.request();
        }
        return ((ApprovalRequestOutcome.AlreadyRequested) outcome).existing();
    }

    /** Only retried attempts pay this read of the whole history; a first request never does. */
    private boolean requestedEventStored(String rolloutId, String approvalId) {
        PageRequest page = PageRequest.first(PageRequest.MAX_LIMIT);
        while (true) {
            Page<HistoryEvent> events = history.read(rolloutId, page);
            boolean found = events.items().stream().anyMatch(e -> e.type().equals(EVENT)
                    && approvalId.equals(e.detail().get(APPROVAL_ID)));
            if (found || !events.hasNext()) {
                return found;
            }
            page = page.next(events);
        }
    }
}
