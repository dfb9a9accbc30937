package dev.rollgate.core.lifecycle;

import dev.rollgate.core.lifecycle.Command.RecordOutcome;
import dev.rollgate.core.lifecycle.Command.RollBackTraffic;
import dev.rollgate.core.lifecycle.Command.RunPreflight;
import dev.rollgate.core.policy.RolloutPolicy;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.rollgate.core.lifecycle.LifecyclePolicyFixture.CANARY_1;
import static dev.rollgate.core.lifecycle.LifecyclePolicyFixture.CANARY_2;
import static dev.rollgate.core.lifecycle.LifecyclePolicyFixture.FULL;
import static dev.rollgate.core.lifecycle.LifecyclePolicyFixture.SHADOW;
import static dev.rollgate.core.lifecycle.ObservationFixture.abort;
import static dev.rollgate.core.lifecycle.ObservationFixture.failing;
import static dev.rollgate.core.lifecycle.ObservationFixture.preflightFailed;
import static dev.rollgate.core.lifecycle.ObservationFixture.preflightPassed;
import static dev.rollgate.core.lifecycle.ObservationFixture.rerunFrom;
import static dev.rollgate.core.lifecycle.ObservationFixture.rollbackCompleted;
import static dev.rollgate.core.lifecycle.ObservationFixture.tick;
import static dev.rollgate.core.lifecycle.ObservationFixture.trigger;
import static org.assertj.core.api.Assertions.assertThat;

/** Abort and rerun: the two things an operator can do to a rollout besides approving. */
class OperatorActionTest {
    private static final RolloutPolicy PLAN = LifecyclePolicyFixture.defaultPlan();

    @Test
    void abortRollsBackFirstAndEndsAbortedOnceTheBaselineIsBack() {
        LifecycleWalk walk = LifecycleWalk.observing(PLAN, CANARY_2).feed(abort());
        assertThat(walk.state().status()).isEqualTo(RolloutStatus.ROLLING_BACK);
        assertThat(walk.last().commands()).first().isEqualTo(new RollBackTraffic(ReasonCode.ABORT_REQUESTED));

        walk.feed(tick());
        assertThat(walk.last().reason()).isEqualTo(ReasonCode.AWAITING_ROLLBACK);

        Transition aborted = walk.feed(rollbackCompleted()).last();
        assertThat(aborted.state().status()).isEqualTo(RolloutStatus.ABORTED);
        assertThat(aborted.commands()).contains(new RecordOutcome(RolloutStatus.ABORTED, CANARY_2,
                ReasonCode.ABORT_COMPLETED));
    }

    @Test
    void abortBeforeAnyTrafficMovedEndsAbortedAtOnce() {
        Transition aborted = LifecycleWalk.start(PLAN).feed(abort()).last();

        assertThat(aborted.state().status()).isEqualTo(RolloutStatus.ABORTED);
        assertThat(aborted.reason()).isEqualTo(ReasonCode.ABORTED_BEFORE_TRAFFIC);
        assertThat(aborted.commands()).noneMatch(RollBackTraffic.class::isInstance);
    }

    @Test
    void abortDuringARollbackMakesTheRolloutEndAborted() {
        LifecycleWalk walk = LifecycleWalk.observing(PLAN, CANARY_1).feed(trigger(TriggerCode.ERROR_RATE_RATIO))
                .feed(abort());
        assertThat(walk.state().status()).isEqualTo(RolloutStatus.ROLLING_BACK);
        assertThat(walk.last().reason()).isEqualTo(ReasonCode.ABORT_REQUESTED);

        walk.feed(abort());
        assertThat(walk.last().reason()).isEqualTo(ReasonCode.IGNORED_ABORT);

        assertThat(walk.feed(rollbackCompleted()).state().status()).isEqualTo(RolloutStatus.ABORTED);
    }

    @Test
    void abortedRolloutCannotBeRerun() {
        LifecycleWalk walk = LifecycleWalk.observing(PLAN, CANARY_1).feed(abort()).feed(rollbackCompleted());
        RolloutState aborted = walk.state();

        Transition refused = walk.feed(rerunFrom("shadow")).last();

        assertThat(refused.state()).isSameAs(aborted);
        assertThat(refused.reason()).isEqualTo(ReasonCode.IGNORED_TERMINAL);
    }

    @Test
    void failedPreflightCanBeRerunFromTheFirstStage() {
        Transition rerun = LifecycleWalk.start(PLAN).feed(preflightFailed()).after(Duration.ofHours(2))
                .feed(rerunFrom("shadow")).last();

        assertThat(rerun.state().status()).isEqualTo(RolloutStatus.PENDING);
        assertThat(rerun.commands()).first().isEqualTo(new RunPreflight(SHADOW));
        assertThat(rerun.reason()).isEqualTo(ReasonCode.RERUN_REQUESTED);
    }

    @Test
    void rerunFromAnUnknownStageIsRefusedWithoutChangingTheRollout() {
        LifecycleWalk walk = LifecycleWalk.observing(PLAN, CANARY_2).feed(failing(CANARY_2))
                .feed(rollbackCompleted());
        RolloutState rolledBack = walk.state();

        Transition refused = walk.feed(rerunFrom("canary-3")).last();

        assertThat(refused.state()).isSameAs(rolledBack);
        assertThat(refused.commands()).isEmpty();
        assertThat(refused.reason()).isEqualTo(ReasonCode.IGNORED_RERUN_UNKNOWN_STAGE);
    }

    @Test
    void rerunCannotSkipAStageTheRolloutNeverReached() {
        LifecycleWalk walk = LifecycleWalk.observing(PLAN, CANARY_1).feed(failing(CANARY_1))
                .feed(rollbackCompleted());

        Transition refused = walk.feed(rerunFrom("full")).last();

        assertThat(refused.state().status()).isEqualTo(RolloutStatus.ROLLED_BACK);
        assertThat(refused.reason()).isEqualTo(ReasonCode.IGNORED_RERUN_BEYOND_REACHED_STAGE);
    }

    @Test
    void rerunOfTheStageThatRolledBackStartsItAgainAfterAFreshPreflight() {
        LifecycleWalk walk = LifecycleWalk.observing(PLAN, FULL).feed(trigger(TriggerCode.CRITICAL_INCIDENT))
                .feed(rollbackCompleted()).feed(rerunFrom("full"));
        assertThat(walk.last().commands()).first().isEqualTo(new RunPreflight(FULL));

        walk.feed(preflightPassed());
        assertThat(walk.state().status()).isEqualTo(RolloutStatus.PROMOTING);
        assertThat(walk.state().trafficWeight()).isEqualTo(100);
    }

    @Test
    void aRerunIsTheRolloutsNextRunWhichEveryLaterTransitionKeeps() {
        LifecycleWalk walk = LifecycleWalk.observing(PLAN, FULL);
        assertThat(walk.state().run()).isEqualTo(RolloutState.FIRST_RUN);
        walk.feed(trigger(TriggerCode.CRITICAL_INCIDENT)).feed(rollbackCompleted());
        assertThat(walk.state().run()).as("rolling back stays in the run").isEqualTo(1);

        walk.feed(rerunFrom("full"));
        assertThat(walk.state().run()).isEqualTo(2);
        walk.feed(preflightPassed());
        assertThat(walk.state().run()).isEqualTo(2);
        walk.feed(trigger(TriggerCode.CRITICAL_INCIDENT)).feed(rollbackCompleted()).feed(rerunFrom("full"));
        assertThat(walk.state().run()).isEqualTo(3);
    }

    @Test
    void rerunWhileTheRolloutIsRunningIsIgnored() {
        LifecycleWalk walk = LifecycleWalk.observing(PLAN, CANARY_2);
        RolloutState running = walk.state();

        Transition ignored = walk.feed(rerunFrom("shadow")).last();

        assertThat(ignored.state()).isSameAs(running);
        assertThat(ignored.reason()).isEqualTo(ReasonCode.IGNORED_RERUN);
    }
}
