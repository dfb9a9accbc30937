package dev.rollgate.core.lifecycle;

import dev.rollgate.core.lifecycle.Observation.AbortRequested;
import dev.rollgate.core.lifecycle.Observation.PreflightFailed;
import dev.rollgate.core.lifecycle.Observation.PreflightNeedsApproval;
import dev.rollgate.core.lifecycle.Observation.PreflightPassed;
import dev.rollgate.core.lifecycle.Observation.Tick;

import java.time.Instant;

/**
 * PENDING: the preflight runs and no traffic has moved. The state's stage index is the stage to enter when the
 * preflight passes (0 for a new rollout, the named stage for a rerun). Metrics and triggers cannot concern a
 * candidate that serves nothing yet, so they are ignored here.
 */
final class PendingHandler implements StatusHandler {
    private final Moves moves;

    PendingHandler(Moves moves) {
        this.moves = moves;
    }

    @Override
    public Transition handle(RolloutState state, Observation observation, Instant now) {
        if (observation instanceof PreflightPassed) {
            return moves.enterStage(state, state.stageIndex(), ReasonCode.PREFLIGHT_PASSED, "preflight passed", now);
        }
        if (observation instanceof PreflightFailed failed) {
            return moves.finish(state, RolloutStatus.FAILED, ReasonCode.PREFLIGHT_FAILED, failed.cause(), now);
        }
        if (observation instanceof PreflightNeedsApproval needs) {
            return moves.hold(state, ApprovalReason.PREFLIGHT_REQUIRES_HUMAN, needs.cause(), now);
        }
        if (observation instanceof AbortRequested abort) {
            // Nothing to roll back: no traffic ever moved, so the rollout ends at once.
            return moves.finish(state, RolloutStatus.ABORTED, ReasonCode.ABORTED_BEFORE_TRAFFIC,
                    SafetyRules.abortDetail(abort), now);
        }
        if (observation instanceof Tick) {
            return moves.stay(state, ReasonCode.AWAITING_PREFLIGHT);
        }
        return moves.ignore(state, observation);
    }
}
