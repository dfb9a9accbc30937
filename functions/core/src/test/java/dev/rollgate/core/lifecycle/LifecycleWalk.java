package dev.rollgate.core.lifecycle;

import dev.rollgate.core.policy.RolloutPolicy;

import java.time.Duration;
import java.time.Instant;

import static dev.rollgate.core.lifecycle.ObservationFixture.preflightPassed;
import static dev.rollgate.core.lifecycle.ObservationFixture.promote;
import static dev.rollgate.core.lifecycle.ObservationFixture.trafficAt;

/**
 * Walks one rollout through the lifecycle on a virtual clock, keeping the last transition for assertions. The
 * happy-path shortcuts use the lifecycle itself, so a test never starts from a hand-made state the lifecycle
 * could not reach.
 */
final class LifecycleWalk {
    private final RolloutLifecycle lifecycle;
    private Instant now = LifecyclePolicyFixture.T0;
    private Transition last;

    private LifecycleWalk(RolloutPolicy policy) {
        lifecycle = new RolloutLifecycle(policy);
        last = lifecycle.start(now);
    }

    static LifecycleWalk start(RolloutPolicy policy) {
        return new LifecycleWalk(policy);
    }

    /** A rollout of {@code policy} observing stage {@code index} (traffic confirmed), just entered. */
    static LifecycleWalk observing(RolloutPolicy policy, int index) {
        LifecycleWalk walk = start(policy).feed(preflightPassed());
        while (walk.state().stageIndex() < index) {
            walk.passCurrentStage();
        }
        return walk;
    }

    LifecycleWalk feed(Observation observation) {
        last = lifecycle.next(last.state(), observation, now);
        return this;
    }

    LifecycleWalk after(Duration elapsed) {
        now = now.plus(elapsed);
        return this;
    }

    Transition last() {
        return last;
    }

    RolloutState state() {
        return last.state();
    }

    Instant now() {
        return now;
    }

    private void passCurrentStage() {
        int index = state().stageIndex();
        after(lifecycle.policy().stage(index).minDuration()).feed(promote(index));
        feed(trafficAt(lifecycle.policy().stage(index + 1).weight()));
    }
}
