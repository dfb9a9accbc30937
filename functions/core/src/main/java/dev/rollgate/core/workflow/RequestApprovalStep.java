package dev.rollgate.core.workflow;

import dev.rollgate.core.lifecycle.RolloutState;
import dev.rollgate.core.lifecycle.RolloutStatus;
import dev.rollgate.core.state.ApprovalRequest;
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
        boolean alreadyStored = approvals.get(id).isPresent();
        if (!alreadyStored) {
            approvals.request(ApprovalRequest.pending(id, rolloutId, loaded.rollout().tenant(),
                    loaded.currentStage().name(), state.lastReason(), loaded.rollout().requester(), taskToken, now,
                    now.plus(StepPlanner.APPROVAL_TIMEOUT)));
            advancer.advance(rolloutId, l -> new StepInput(List.of(), List.of(new HistoryEntry(now, EVENT,
                    "system:workflow", state.lastReason(), Map.of("approvalId", id, "stage",
                    loaded.currentStage().name(), "deadline", now.plus(StepPlanner.APPROVAL_TIMEOUT).toString()))),
                    Optional.empty()), "system:workflow", now);
        }
        // A retried wait task has a new token and the stored one is dead: the decision must wake this one.
        Optional<ApprovalRequest> stored = alreadyStored ? approvals.replaceTaskToken(id, taskToken) : approvals.get(id);
        // A decision may have landed between the HOLD and this request (an operator abort, say).
        stored.filter(r -> r.decision().isPresent())
                .ifPresent(r -> callbacks.succeed(taskToken, "{\"decided\":true}"));
    }
}
