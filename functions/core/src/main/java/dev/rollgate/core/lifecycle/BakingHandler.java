package dev.rollgate.core.lifecycle;

import dev.rollgate.core.lifecycle.Observation.BakeFinished;
import dev.rollgate.core.lifecycle.Observation.Tick;

import java.time.Instant;

/**
 * BAKING: the full stage runs at its weight (100) for its minimum duration, one business cycle. Its gate is that
 * nothing bad happens, so the bake ends on time alone: on the first tick after the duration, or on the workflow's
 * bake-finished report if that comes after the duration too (an early report is ignored rather than trusted).
 * A critical incident, any other trigger or a ROLLBACK verdict (a severe regression) rolls back at once.
 */
final class BakingHandler implements StatusHandler {
    private final Moves moves;
    private final SafetyRules safety;

    BakingHandler(Moves moves) {
        this.moves = moves;
        this.safety = new SafetyRules(moves);
    }

    @Override
    public Transition handle(RolloutState state, Observation observation, Instant now) {
        return safety.apply(state, observation, now).orElseGet(() -> {
            boolean elapsed = moves.minDurationElapsed(state, now);
            if (observation instanceof Tick) {
                return elapsed ? moves.leaveStage(state, ReasonCode.BAKE_COMPLETED, "bake completed", now)
                        : moves.stay(state, ReasonCode.BAKE_IN_PROGRESS);
            }
            if (observation instanceof BakeFinished) {
                return elapsed ? moves.leaveStage(state, ReasonCode.BAKE_FINISHED, "bake finished", now)
                        : moves.stay(state, ReasonCode.IGNORED_EARLY_BAKE_FINISHED);
            }
            return moves.ignore(state, observation);
        });
    }
}
