package dev.rollgate.core.workflow;

import dev.rollgate.core.lifecycle.RolloutState;
import dev.rollgate.core.lifecycle.RolloutStatus;
import dev.rollgate.core.state.ApprovalRequest;
import dev.rollgate.core.state.ApprovalRequestOutcome;
import dev.rollgate.core.state.Approvals;
import dev.rollgate.core.state.HistoryEntry;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The workflow's AwaitApproval task (invoked with a task token): stores the approval request with the token,
 * server side only. If the rollout is no longer waiting (an abort came first), the token is completed at once so
 * the workflow moves on instead of waiting for a decision nobody can give.
 */
public final class RequestApprovalStep {
    public static final String EVENT = "APPROVAL_REQUESTED";
    private final RolloutAdvancer advancer;
    private final Approvals approvals;
    private final TaskCallbacks callbacks;

    public RequestApprovalStep(RolloutAdvancer advancer, Approvals approvals, TaskCallbacks callbacks) {
        this.advancer = advancer;
        this.approvals = approvals;
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
        if (outcome instanceof ApprovalRequestOutcome.Requested) {
            advancer.advance(rolloutId, l -> new StepInput(List.of(), List.of(new HistoryEntry(now, EVENT,
                    "system:workflow", state.lastReason(), Map.of("approvalId", id, "stage",
                    loaded.currentStage().name(), "deadline", now.plus(StepPlanner.APPROVAL_TIMEOUT).toString()))),
                    Optional.empty()), "system:workflow", now);
        }
        // A decision may have landed before this attempt ran (an operator abort, or a decision made while an
        // earlier attempt waited on a token that is now dead): wake this attempt at once.
        if (outcome instanceof ApprovalRequestOutcome.AlreadyRequested already
                && already.existing().decision().isPresent()) {
            callbacks.succeed(taskToken, "{\"decided\":true}");
        }
    }
}
