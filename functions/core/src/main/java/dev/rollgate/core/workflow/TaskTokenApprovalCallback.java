package dev.rollgate.core.workflow;

import dev.rollgate.core.approval.ApprovalCallback;
import dev.rollgate.core.approval.CallbackOutcome;
import dev.rollgate.core.state.ApprovalDecision;
import dev.rollgate.core.state.ApprovalRequest;
import dev.rollgate.core.state.ApprovalStatus;

/**
 * Delivers a decision by completing the request's task token with {@code {"approved": true|false}}; the
 * workflow then applies the stored decision. For callers that complete tasks through {@link TaskCallbacks}
 * (the approval function and the local runner), which treat a task that no longer waits as done.
 */
public final class TaskTokenApprovalCallback implements ApprovalCallback {
    private final TaskCallbacks callbacks;

    public TaskTokenApprovalCallback(TaskCallbacks callbacks) {
        this.callbacks = callbacks;
    }

    @Override
    public CallbackOutcome send(ApprovalRequest request, ApprovalDecision decision) {
        callbacks.succeed(request.taskToken(), "{\"approved\":" + (decision.verdict() == ApprovalStatus.APPROVED)
                + "}");
        return new CallbackOutcome.Delivered();
    }
}
