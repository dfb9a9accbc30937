package dev.rollgate.statemachine.local;

import dev.rollgate.core.traffic.ShiftOutcome;
import dev.rollgate.core.traffic.TrafficDriver;
import dev.rollgate.core.traffic.TrafficTarget;

/**
 * A local stand-in that keeps one driver per agent alias (as AWS keeps one alias or one deployment group per
 * function) and hands every call to the target's own.
 */
interface PerTargetTrafficDriver extends TrafficDriver {
    /** The driver of {@code target}'s alias, created on first use. */
    TrafficDriver of(TrafficTarget target);

    @Override
    default ShiftOutcome shift(TrafficTarget target, int stageIndex, int weight) {
        return of(target).shift(target, stageIndex, weight);
    }

    @Override
    default ShiftOutcome restoreBaseline(TrafficTarget target) {
        return of(target).restoreBaseline(target);
    }

    @Override
    default ShiftOutcome promote(TrafficTarget target) {
        return of(target).promote(target);
    }

    @Override
    default int currentWeight(TrafficTarget target) {
        return of(target).currentWeight(target);
    }
}
