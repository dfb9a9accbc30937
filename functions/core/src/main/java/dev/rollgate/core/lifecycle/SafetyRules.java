package dev.rollgate.core.lifecycle;

import dev.rollgate.core.lifecycle.Observation.AbortRequested;
import dev.rollgate.core.lifecycle.Observation.JudgeVerdict;
import dev.rollgate.core.lifecycle.Observation.TriggerFired;

import java.time.Instant;
import java.util.Optional;

/**
 * What rolls a rollout back in every status that has (or is about to have) candidate traffic: SHADOW, CANARY,
 * HOLD, PROMOTING and BAKING. Checked before anything else so no gate, wait or approval can delay a rollback.
 *
 * <p>A ROLLBACK verdict counts even when it judged an earlier stage: a regression found at a lower weight is
 * still a regression, and rolling back on a late report is the safe side of the race.
 */
final class SafetyRules {
    private final Moves moves;

    SafetyRules(Moves moves) {
        this.moves = moves;
    }

    Optional<Transition> apply(RolloutState state, Observation observation, Instant now) {
        if (observation instanceof TriggerFired fired) {
            return Optional.of(moves.rollBack(state, fired.trigger().reason(), fired.trigger() + ": "
                    + fired.detail(), now));
        }
        if (observation instanceof AbortRequested abort) {
            return Optional.of(moves.rollBack(state, ReasonCode.ABORT_REQUESTED, abortDetail(abort), now));
        }
        if (observation instanceof JudgeVerdict verdict && verdict.outcome() == VerdictOutcome.ROLLBACK) {
            return Optional.of(moves.rollBack(state, ReasonCode.VERDICT_ROLLBACK, VerdictText.of(verdict), now));
        }
        return Optional.empty();
    }

    static String abortDetail(AbortRequested abort) {
        return "aborted by " + abort.requestedBy() + (abort.note().isBlank() ? "" : ": " + abort.note());
    }
}
