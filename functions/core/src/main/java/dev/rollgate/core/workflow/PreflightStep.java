package dev.rollgate.core.workflow;

import dev.rollgate.core.lifecycle.Observation;
import dev.rollgate.core.lifecycle.RolloutStatus;
import dev.rollgate.core.state.HistoryEntry;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The workflow's Preflight task: runs the Cordum checks for a PENDING rollout and feeds the verdict to the
 * lifecycle. Cordum failing or unreachable is a failed gate (fail closed), never a pass.
 */
public final class PreflightStep {
    public static final String EVENT = "PREFLIGHT_EVALUATED";
    private final RolloutAdvancer advancer;
    private final PreflightCheck check;

    public PreflightStep(RolloutAdvancer advancer, PreflightCheck check) {
        this.advancer = advancer;
        this.check = check;
    }

    public WorkflowStep run(String rolloutId, Instant now) {
        return advancer.advance(rolloutId, loaded -> {
            if (loaded.rollout().state().status() != RolloutStatus.PENDING) {
                return StepInput.nothing();
            }
            PreflightCheck.Result result = check.check(loaded.rollout(), loaded.policy(), now);
            Observation observation;
            String outcome;
            if (result instanceof PreflightCheck.Result.Passed) {
                observation = new Observation.PreflightPassed();
                outcome = "PASS";
            } else if (result instanceof PreflightCheck.Result.NeedsApproval needs) {
                observation = new Observation.PreflightNeedsApproval(needs.cause());
                outcome = "NEEDS_APPROVAL";
            } else {
                observation = new Observation.PreflightFailed(((PreflightCheck.Result.Failed) result).cause());
                outcome = "FAIL";
            }
            HistoryEntry event = new HistoryEntry(now, EVENT, "system:preflight", outcome, result.detail());
            return new StepInput(List.of(observation), List.of(event), Optional.empty());
        }, "system:workflow", now).step();
    }
}
