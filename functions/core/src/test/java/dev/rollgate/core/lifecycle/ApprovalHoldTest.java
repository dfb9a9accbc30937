package dev.rollgate.core.lifecycle;

import dev.rollgate.core.lifecycle.Command.RequestApproval;
import dev.rollgate.core.lifecycle.Command.ShiftTraffic;
import dev.rollgate.core.policy.ApprovalMode;
import dev.rollgate.core.policy.RolloutPolicy;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.rollgate.core.lifecycle.LifecyclePolicyFixture.CANARY_1;
import static dev.rollgate.core.lifecycle.LifecyclePolicyFixture.CANARY_2;
import static dev.rollgate.core.lifecycle.LifecyclePolicyFixture.CANARY_LIFETIME;
import static dev.rollgate.core.lifecycle.LifecyclePolicyFixture.FULL;
import static dev.rollgate.core.lifecycle.LifecyclePolicyFixture.withApproval;
import static dev.rollgate.core.lifecycle.ObservationFixture.approve;
import static dev.rollgate.core.lifecycle.ObservationFixture.failing;
import static dev.rollgate.core.lifecycle.ObservationFixture.marginal;
import static dev.rollgate.core.lifecycle.ObservationFixture.preflightPassed;
import static dev.rollgate.core.lifecycle.ObservationFixture.promote;
import static dev.rollgate.core.lifecycle.ObservationFixture.reject;
import static dev.rollgate.core.lifecycle.ObservationFixture.tick;
import static dev.rollgate.core.lifecycle.ObservationFixture.trafficAt;
import static org.assertj.core.api.Assertions.assertThat;

/** Holds: policy-required approvals, indefinite pauses and marginal scores under each approval mode. */
class ApprovalHoldTest {

    @Test
    void stageThatAlwaysRequiresApprovalHoldsAfterAPassingScoreAndApprovalPromotes() {
        RolloutPolicy plan = LifecyclePolicyFixture.defaultPlanWith(CANARY_1,
                s -> withApproval(s, ApprovalMode.ALWAYS));
        LifecycleWalk walk = LifecycleWalk.observing(plan, CANARY_1).after(CANARY_LIFETIME).feed(promote(CANARY_1));

        assertThat(walk.state().status()).isEqualTo(RolloutStatus.HOLD);
        assertThat(walk.last().command(RequestApproval.class)).get().extracting(RequestApproval::reason)
                .isEqualTo(ApprovalReason.POLICY_REQUIRED);
        assertThat(walk.last().reason()).isEqualTo(ReasonCode.HOLD_POLICY_REQUIRED);

        walk.feed(approve());
        assertThat(walk.last().commands()).first().isEqualTo(new ShiftTraffic(CANARY_2, 50));
    }

    @Test
    void marginalScoreRollsBackWhenTheStageNeverAsksForApproval() {
        RolloutPolicy plan = LifecyclePolicyFixture.defaultPlanWith(CANARY_1,
                s -> withApproval(s, ApprovalMode.NEVER));
        Transition marginal = LifecycleWalk.observing(plan, CANARY_1).after(CANARY_LIFETIME)
                .feed(marginal(CANARY_1)).last();

        assertThat(marginal.state().status()).isEqualTo(RolloutStatus.ROLLING_BACK);
        assertThat(marginal.reason()).isEqualTo(ReasonCode.MARGINAL_SCORE_WITHOUT_APPROVAL);
        assertThat(marginal.commands()).first().isInstanceOf(Command.RollBackTraffic.class);
    }

    @Test
    void marginalScoreBeforeTheLifetimeKeepsObservingInsteadOfAskingEarly() {
        Transition early = LifecycleWalk.observing(LifecyclePolicyFixture.defaultPlan(), CANARY_1)
                .after(Duration.ofHours(1)).feed(marginal(CANARY_1)).last();

        assertThat(early.state().status()).isEqualTo(RolloutStatus.CANARY);
        assertThat(early.reason()).isEqualTo(ReasonCode.MARGINAL_BEFORE_MIN_DURATION);
        assertThat(early.commands()).isEmpty();
    }

    @Test
    void approvalOfTheFullStageEndsTheRolloutPromoted() {
        RolloutPolicy plan = LifecyclePolicyFixture.defaultPlanWith(FULL, s -> withApproval(s, ApprovalMode.ALWAYS));
        LifecycleWalk walk = LifecycleWalk.observing(plan, FULL).after(LifecyclePolicyFixture.BAKE).feed(tick());
        assertThat(walk.state().status()).isEqualTo(RolloutStatus.HOLD);

        walk.feed(approve());
        assertThat(walk.state().status()).isEqualTo(RolloutStatus.PROMOTED);
    }

    @Test
    void holdKeepsTrafficAndTheStageClockWhileWaiting() {
        LifecycleWalk walk = LifecycleWalk.observing(LifecyclePolicyFixture.defaultPlan(), CANARY_1);
        RolloutState observing = walk.state();
        walk.after(CANARY_LIFETIME).feed(marginal(CANARY_1)).after(Duration.ofDays(3)).feed(tick());

        assertThat(walk.last().reason()).isEqualTo(ReasonCode.AWAITING_APPROVAL);
        assertThat(walk.state().trafficWeight()).isEqualTo(observing.trafficWeight());
        assertThat(walk.state().stageEnteredAt()).isEqualTo(observing.stageEnteredAt());
    }

    @Test
    void failingVerdictWhileHoldingRollsBackWithoutWaitingForTheHuman() {
        Transition rolled = LifecycleWalk.observing(LifecyclePolicyFixture.defaultPlan(), CANARY_1)
                .after(CANARY_LIFETIME).feed(marginal(CANARY_1)).feed(failing(CANARY_1)).last();

        assertThat(rolled.state().status()).isEqualTo(RolloutStatus.ROLLING_BACK);
        assertThat(rolled.reason()).isEqualTo(ReasonCode.VERDICT_ROLLBACK);
    }

    @Test
    void rejectedPreflightHoldRollsBackToBaseline() {
        Transition rejected = LifecycleWalk.start(LifecyclePolicyFixture.defaultPlan())
                .feed(ObservationFixture.preflightNeedsApproval()).feed(reject()).last();

        assertThat(rejected.state().status()).isEqualTo(RolloutStatus.ROLLING_BACK);
        assertThat(rejected.reason()).isEqualTo(ReasonCode.APPROVAL_REJECTED);
    }

    @Test
    void timedArgoPauseStepPromotesOnTheFirstTickAfterThePause() {
        LifecycleWalk walk = LifecycleWalk.start(LifecyclePolicyFixture.argoPausePlan()).feed(preflightPassed())
                .feed(trafficAt(10)).after(Duration.ofMinutes(19)).feed(tick());
        assertThat(walk.last().reason()).isEqualTo(ReasonCode.MIN_DURATION_NOT_REACHED);

        walk.after(Duration.ofMinutes(1)).feed(tick());
        assertThat(walk.last().reason()).isEqualTo(ReasonCode.MIN_DURATION_ELAPSED);
        assertThat(walk.last().commands()).first().isEqualTo(new ShiftTraffic(1, 25));
    }

    @Test
    void indefiniteArgoPauseHoldsUntilAHumanResumes() {
        LifecycleWalk walk = LifecycleWalk.start(LifecyclePolicyFixture.argoPausePlan()).feed(preflightPassed())
                .feed(trafficAt(10)).after(Duration.ofMinutes(20)).feed(tick()).feed(trafficAt(25)).feed(tick());

        assertThat(walk.state().status()).isEqualTo(RolloutStatus.HOLD);
        assertThat(walk.last().command(RequestApproval.class)).get().extracting(RequestApproval::reason)
                .isEqualTo(ApprovalReason.INDEFINITE_PAUSE);

        walk.after(Duration.ofDays(1)).feed(approve());
        assertThat(walk.last().commands()).first().isEqualTo(new ShiftTraffic(2, 50));
    }
}
