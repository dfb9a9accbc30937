package dev.rollgate.core.lifecycle;

import dev.rollgate.core.policy.RolloutPolicy;
import dev.rollgate.core.policy.Stage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static dev.rollgate.core.lifecycle.LifecyclePolicyFixture.CANARY_1;
import static dev.rollgate.core.lifecycle.LifecyclePolicyFixture.CANARY_2;
import static dev.rollgate.core.lifecycle.LifecyclePolicyFixture.CANARY_LIFETIME;
import static dev.rollgate.core.lifecycle.LifecyclePolicyFixture.SHADOW;
import static dev.rollgate.core.lifecycle.LifecyclePolicyFixture.T0;
import static dev.rollgate.core.lifecycle.ObservationFixture.approve;
import static dev.rollgate.core.lifecycle.ObservationFixture.bakeFinished;
import static dev.rollgate.core.lifecycle.ObservationFixture.failing;
import static dev.rollgate.core.lifecycle.ObservationFixture.preflightPassed;
import static dev.rollgate.core.lifecycle.ObservationFixture.promote;
import static dev.rollgate.core.lifecycle.ObservationFixture.rollbackCompleted;
import static dev.rollgate.core.lifecycle.ObservationFixture.trafficAt;
import static dev.rollgate.core.lifecycle.ObservationFixture.trigger;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The workflow retries, reorders and duplicates reports. Whatever arrives late or in the wrong state is a no-op
 * with a reason, never an exception and never a move.
 */
class LateAndMisplacedObservationTest {
    private static final RolloutPolicy PLAN = LifecyclePolicyFixture.defaultPlan();

    @Test
    void observationsThatDoNotApplyReturnTheSameStateWithoutCommands() {
        LifecycleWalk walk = LifecycleWalk.observing(PLAN, CANARY_1);
        RolloutState canary = walk.state();

        for (Observation misplaced : List.of(preflightPassed(), approve(), trafficAt(10), rollbackCompleted(),
                bakeFinished(), ObservationFixture.approvalTimedOut())) {
            Transition ignored = walk.feed(misplaced).last();
            assertThat(ignored.state()).isSameAs(canary);
            assertThat(ignored.commands()).isEmpty();
            assertThat(ignored.reason().isIgnored()).as("reason %s", ignored.reason()).isTrue();
        }
    }

    @Test
    void latePassingVerdictForThePreviousStageDoesNotPromoteTheCurrentOne() {
        Transition stale = LifecycleWalk.observing(PLAN, CANARY_1).after(CANARY_LIFETIME).feed(promote(SHADOW))
                .last();

        assertThat(stale.state().status()).isEqualTo(RolloutStatus.CANARY);
        assertThat(stale.reason()).isEqualTo(ReasonCode.IGNORED_STALE_VERDICT);
    }

    @Test
    void lateFailingVerdictForThePreviousStageStillRollsBack() {
        Transition rolled = LifecycleWalk.observing(PLAN, CANARY_2).feed(failing(CANARY_1)).last();

        assertThat(rolled.state().status()).isEqualTo(RolloutStatus.ROLLING_BACK);
    }

    @Test
    void lateConfirmationOfAnEarlierWeightDoesNotStartTheNextStage() {
        LifecycleWalk walk = LifecycleWalk.observing(PLAN, CANARY_1).after(CANARY_LIFETIME).feed(promote(CANARY_1));
        assertThat(walk.state().status()).isEqualTo(RolloutStatus.PROMOTING);

        walk.feed(trafficAt(10));

        assertThat(walk.state().status()).isEqualTo(RolloutStatus.PROMOTING);
        assertThat(walk.last().reason()).isEqualTo(ReasonCode.IGNORED_STALE_TRAFFIC_SHIFT);
    }

    @Test
    void stageClockStartsWhenTrafficIsConfirmedNotWhenTheShiftIsCommanded() {
        LifecycleWalk walk = LifecycleWalk.observing(PLAN, SHADOW).after(LifecyclePolicyFixture.SHADOW_DURATION)
                .feed(promote(SHADOW)).after(Duration.ofMinutes(30)).feed(trafficAt(10));

        walk.after(CANARY_LIFETIME.minusMinutes(1)).feed(promote(CANARY_1));
        assertThat(walk.last().reason()).isEqualTo(ReasonCode.MIN_DURATION_NOT_REACHED);

        walk.after(Duration.ofMinutes(1)).feed(promote(CANARY_1));
        assertThat(walk.state().stageIndex()).isEqualTo(CANARY_2);
    }

    @Test
    void triggersBeforeAnyTrafficMovedAreIgnored() {
        Transition ignored = LifecycleWalk.start(PLAN).feed(trigger(TriggerCode.CRITICAL_INCIDENT)).last();

        assertThat(ignored.state().status()).isEqualTo(RolloutStatus.PENDING);
        assertThat(ignored.reason()).isEqualTo(ReasonCode.IGNORED_TRIGGER);
    }

    @Test
    void promotedRolloutAbsorbsEvenARollbackTrigger() {
        LifecycleWalk walk = LifecycleWalk.observing(PLAN, LifecyclePolicyFixture.FULL)
                .after(LifecyclePolicyFixture.BAKE).feed(bakeFinished());
        RolloutState promoted = walk.state();

        Transition absorbed = walk.feed(trigger(TriggerCode.CRITICAL_INCIDENT)).last();

        assertThat(absorbed.state()).isSameAs(promoted);
        assertThat(absorbed.reason()).isEqualTo(ReasonCode.IGNORED_TERMINAL);
    }

    @Test
    void everyStateChangePublishesOneEventNamingItsReason() {
        Transition promoted = LifecycleWalk.observing(PLAN, CANARY_1).after(CANARY_LIFETIME)
                .feed(promote(CANARY_1)).last();

        assertThat(promoted.commands()).filteredOn(Command.PublishEvent.class::isInstance).singleElement()
                .isEqualTo(new Command.PublishEvent(RolloutStatus.PROMOTING, CANARY_2, 50, ReasonCode.VERDICT_PROMOTE,
                        "PROMOTE at score 97 for stage 1 [ALL_METRICS_PASS]"));
        assertThat(promoted.state().lastReason()).isEqualTo("VERDICT_PROMOTE");
        assertThat(promoted.state().updatedAt()).isEqualTo(T0.plus(LifecyclePolicyFixture.SHADOW_DURATION)
                .plus(CANARY_LIFETIME));
    }

    @Test
    void policyWhoseWeightsFallIsRefusedWithTheStageNamed() {
        List<Stage> stages = List.of(LifecyclePolicyFixture.canary2(), LifecyclePolicyFixture.canary1());
        RolloutPolicy falling = new RolloutPolicy("falling", PLAN.driver(), stages, PLAN.preflight(), List.of(),
                java.util.Map.of(), List.of());

        assertThatThrownBy(() -> new RolloutLifecycle(falling)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("stage 'canary-1' has weight 10");
    }

    @Test
    void stateFromAPolicyWithMoreStagesIsRefused() {
        RolloutState foreign = new RolloutState(RolloutStatus.CANARY, 7, 10, T0, T0, "TRAFFIC_SHIFT_CONFIRMED");

        assertThatThrownBy(() -> new RolloutLifecycle(PLAN).next(foreign, ObservationFixture.tick(), T0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("stage index 7");
    }
}
