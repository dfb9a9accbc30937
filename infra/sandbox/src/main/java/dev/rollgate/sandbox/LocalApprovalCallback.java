package dev.rollgate.sandbox;

import dev.rollgate.core.approval.ApprovalCallback;
import dev.rollgate.core.approval.CallbackOutcome;
import dev.rollgate.core.state.ApprovalDecision;
import dev.rollgate.core.state.ApprovalRequest;
import dev.rollgate.core.state.ApprovalStatus;
import dev.rollgate.statemachine.runner.WorkflowRunner;

/** The console's approval callback in the sandbox: completes the task token on the local workflow runner. */
final class LocalApprovalCallback implements ApprovalCallback {
    private final WorkflowRunner runner;

    LocalApprovalCallback(WorkflowRunner runner) {
        this.runner = runner;
    }

    @Override
    public CallbackOutcome send(ApprovalRequest request, ApprovalDecision decision) {
        var outcome = runner.sendTaskSuccess(request.taskToken(),
                "{\"approved\":" + (decision.verdict() == ApprovalStatus.APPROVED) + "}");
        return outcome == dev.rollgate.statemachine.runner.CallbackOutcome.ACCEPTED
                ? new CallbackOutcome.Delivered() : new CallbackOutcome.NoLongerWaiting(outcome.name());
    }
}
