package dev.rollgate.core.workflow;

import dev.rollgate.core.lifecycle.Observation;
import dev.rollgate.core.lifecycle.ReasonCode;
import dev.rollgate.core.lifecycle.RolloutState;
import dev.rollgate.core.lifecycle.RolloutStatus;
import dev.rollgate.core.lifecycle.Transition;
import dev.rollgate.core.state.Approvals;

import java.time.Instant;

/**
 * Operator actions from the console: abort (roll back now) and rerun from a named stage. Both are lifecycle
 * observations recorded with the operator's identity; role checks happen before this is called.
 */
public final class OperatorActions {
    private final RolloutAdvancer advancer;
    private final Approvals approvals;
    private final TaskCallbacks callbacks;
    private final WorkflowExecutions executions;

    public OperatorActions(RolloutAdvancer advancer, Approvals approvals, TaskCallbacks callbacks,
                           WorkflowExecutions executions) {
        this.advancer = advancer;
        this.approvals = approvals;
        this.callbacks = callbacks;
        this.executions = executions;
    }

    /** Returns the reason code of what happened (IGNORED_... when the rollout cannot be aborted now). */
    public ReasonCode abort(String rolloutId, String operator, String note, Instant now) {
        RolloutState before = advancer.load(rolloutId).rollout().state();
        Advanced advanced = advancer.advance(rolloutId,
                loaded -> StepInput.of(new Observation.AbortRequested(operator, note)), operator, now);
        ReasonCode reason = lastReason(advanced);
        if (before.status() == RolloutStatus.HOLD && !reason.isIgnored()) {
            // The workflow is parked on the approval's task token: wake it so it runs the rollback now.
            approvals.get(ApprovalIds.of(rolloutId, before)).filter(r -> r.decision().isEmpty())
                    .ifPresent(r -> callbacks.succeed(r.taskToken(), "{\"aborted\":true}"));
        }
        return reason;
    }

    /** Reopens a ROLLED_BACK or FAILED rollout at {@code stageName} and starts a new workflow execution. */
    public ReasonCode rerun(String rolloutId, String stageName, String operator, Instant now) {
        Advanced advanced = advancer.advance(rolloutId,
                loaded -> StepInput.of(new Observation.RerunRequested(stageName, operator)), operator, now);
        ReasonCode reason = lastReason(advanced);
        if (!reason.isIgnored()) {
            // The version after the rerun's write is unique, so the execution name is too; a duplicate click is
            // ignored by the lifecycle above and starts nothing.
            executions.start(rolloutId + "-rerun-" + advanced.rollout().version(), rolloutId);
        }
        return reason;
    }

    private static ReasonCode lastReason(Advanced advanced) {
        return advanced.transitions().stream().reduce((a, b) -> b).map(Transition::reason)
                .orElse(ReasonCode.IGNORED_TERMINAL);
    }
}
