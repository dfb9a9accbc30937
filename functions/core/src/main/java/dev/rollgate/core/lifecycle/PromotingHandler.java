package dev.rollgate.core.lifecycle;

import dev.rollgate.core.lifecycle.Observation.Tick;
import dev.rollgate.core.lifecycle.Observation.TrafficShiftConfirmed;

import java.time.Instant;

/**
 * PROMOTING: a traffic shift to the stage's weight was commanded and is not yet confirmed. The stage starts only
 * on the driver's confirmation of exactly the commanded weight; a confirmation of any other weight is a late
 * report of an earlier shift and is ignored.
 */
final class PromotingHandler implements StatusHandler {
    private final Moves moves;
    private final SafetyRules safety;

    PromotingHandler(Moves moves) {
        this.moves = moves;
        this.safety = new SafetyRules(moves);
    }

    @Override
    public Transition handle(RolloutState state, Observation observation, Instant now) {
        return safety.apply(state, observation, now).orElseGet(() -> {
            if (observation instanceof TrafficShiftConfirmed confirmed) {
                return confirmed.weight() == state.trafficWeight()
                        ? moves.trafficConfirmed(state, now)
                        : moves.stay(state, ReasonCode.IGNORED_STALE_TRAFFIC_SHIFT);
            }
            if (observation instanceof Tick) {
                return moves.stay(state, ReasonCode.AWAITING_TRAFFIC_SHIFT);
            }
            return moves.ignore(state, observation);
        });
    }
}
