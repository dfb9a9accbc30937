package dev.rollgate.core.lifecycle;

import dev.rollgate.core.lifecycle.Observation.AbortRequested;
import dev.rollgate.core.lifecycle.Observation.RollbackCompleted;
import dev.rollgate.core.lifecycle.Observation.Tick;

import java.time.Instant;

/**
 * ROLLING_BACK: the baseline-restoring shift was commanded. When the driver confirms it, the rollout ends
 * ABORTED if an operator asked to stop it, else ROLLED_BACK. An abort while rolling back changes nothing about
 * traffic, only the end status, so the operator's decision is kept (and a rerun is refused afterwards).
 */
final class RollingBackHandler implements StatusHandler {
    private final Moves moves;

    RollingBackHandler(Moves moves) {
        this.moves = moves;
    }

    @Override
    public Transition handle(RolloutState state, Observation observation, Instant now) {
        boolean aborting = ReasonCode.ABORT_REQUESTED.name().equals(state.lastReason());
        if (observation instanceof RollbackCompleted) {
            return aborting
                    ? moves.finish(state, RolloutStatus.ABORTED, ReasonCode.ABORT_COMPLETED, "baseline restored", now)
                    : moves.finish(state, RolloutStatus.ROLLED_BACK, ReasonCode.ROLLBACK_COMPLETED,
                    "baseline restored", now);
        }
        if (observation instanceof AbortRequested abort && !aborting) {
            return moves.relabel(state, ReasonCode.ABORT_REQUESTED, SafetyRules.abortDetail(abort), now);
        }
        if (observation instanceof Tick) {
            return moves.stay(state, ReasonCode.AWAITING_ROLLBACK);
        }
        return moves.ignore(state, observation);
    }
}
