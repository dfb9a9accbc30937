package dev.rollgate.sandbox;

import dev.rollgate.core.lifecycle.ReasonCode;
import dev.rollgate.core.operations.ControlOutcome;
import dev.rollgate.core.operations.RolloutControl;
import dev.rollgate.core.workflow.OperatorActions;

import java.time.Instant;

/** The console's operator actions in the sandbox: lifecycle observations applied by the workflow use cases. */
final class LocalRolloutControl implements RolloutControl {
    private final OperatorActions actions;

    LocalRolloutControl(OperatorActions actions) {
        this.actions = actions;
    }

    @Override
    public ControlOutcome abort(String rolloutId, String operator, String reason, Instant now) {
        return outcome(actions.abort(rolloutId, operator, reason, now));
    }

    @Override
    public ControlOutcome rerunFromStage(String rolloutId, String stageName, String operator, String reason,
                                         Instant now) {
        return outcome(actions.rerun(rolloutId, stageName, operator, now));
    }

    private static ControlOutcome outcome(ReasonCode reason) {
        return reason.isIgnored() ? new ControlOutcome.Refused(reason.name()) : new ControlOutcome.Accepted();
    }
}
