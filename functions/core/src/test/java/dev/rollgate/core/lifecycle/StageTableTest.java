package dev.rollgate.core.lifecycle;

import dev.rollgate.core.lifecycle.Command.PublishEvent;
import dev.rollgate.core.lifecycle.Command.RecordOutcome;
import dev.rollgate.core.lifecycle.Command.RequestApproval;
import dev.rollgate.core.lifecycle.Command.RollBackTraffic;
import dev.rollgate.core.lifecycle.Command.RunPreflight;
import dev.rollgate.core.lifecycle.Command.ShiftTraffic;
import dev.rollgate.core.lifecycle.Command.StartObserving;
import dev.rollgate.core.policy.RolloutPolicy;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;

import static dev.rollgate.core.lifecycle.LifecyclePolicyFixture.BAKE;
import static dev.rollgate.core.lifecycle.LifecyclePolicyFixture.CANARY_1;
import static dev.rollgate.core.lifecycle.LifecyclePolicyFixture.CANARY_2;
import static dev.rollgate.core.lifecycle.LifecyclePolicyFixture.CANARY_LIFETIME;
import static dev.rollgate.core.lifecycle.LifecyclePolicyFixture.FULL;
import static dev.rollgate.core.lifecycle.LifecyclePolicyFixture.SHADOW;
import static dev.rollgate.core.lifecycle.LifecyclePolicyFixture.SHADOW_DURATION;
import static dev.rollgate.core.lifecycle.ObservationFixture.approvalTimedOut;
import static dev.rollgate.core.lifecycle.ObservationFixture.approve;
import static dev.rollgate.core.lifecycle.ObservationFixture.bakeFinished;
import static dev.rollgate.core.lifecycle.ObservationFixture.failing;
import static dev.rollgate.core.lifecycle.ObservationFixture.marginal;
import static dev.rollgate.core.lifecycle.ObservationFixture.noData;
import static dev.rollgate.core.lifecycle.ObservationFixture.preflightFailed;
import static dev.rollgate.core.lifecycle.ObservationFixture.preflightNeedsApproval;
import static dev.rollgate.core.lifecycle.ObservationFixture.preflightPassed;
import static dev.rollgate.core.lifecycle.ObservationFixture.promote;
import static dev.rollgate.core.lifecycle.ObservationFixture.reject;
import static dev.rollgate.core.lifecycle.ObservationFixture.rerunFrom;
import static dev.rollgate.core.lifecycle.ObservationFixture.rollbackCompleted;
import static dev.rollgate.core.lifecycle.ObservationFixture.tick;
import static dev.rollgate.core.lifecycle.ObservationFixture.trafficAt;
import static dev.rollgate.core.lifecycle.ObservationFixture.trigger;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every cell of the stage table in DESIGN.md section 1: for each stage of the default plan, its promotion gate
 * (pass, and each way of not passing) and its rollback triggers.
 */
class StageTableTest {
    private static final RolloutPolicy PLAN = LifecyclePolicyFixture.defaultPlan();

    @Nested
    class Shadow {
        @Test
        void aNewRolloutRunsThePreflightBeforeAnythingElse() {
            Transition started = LifecycleWalk.start(PLAN).last();

            assertThat(started.state().status()).isEqualTo(RolloutStatus.PENDING);
            assertThat(started.state().trafficWeight()).isZero();
            assertThat(started.commands()).first().isEqualTo(new RunPreflight(SHADOW));
            assertThat(started.reason()).isEqualTo(ReasonCode.CREATED);
        }

        @Test
        void passedPreflightEntersShadowWithoutMovingUserTraffic() {
            Transition entered = LifecycleWalk.start(PLAN).feed(preflightPassed()).last();

            assertThat(entered.state().status()).isEqualTo(RolloutStatus.SHADOW);
            assertThat(entered.state().trafficWeight()).isZero();
            assertThat(entered.commands()).contains(new StartObserving(SHADOW, "shadow"))
                    .noneMatch(ShiftTraffic.class::isInstance);
            assertThat(entered.reason()).isEqualTo(ReasonCode.PREFLIGHT_PASSED);
        }

        @Test
        void failedPreflightEndsTheRolloutFailedWithoutTraffic() {
            Transition failed = LifecycleWalk.start(PLAN).feed(preflightFailed()).last();

            assertThat(failed.state().status()).isEqualTo(RolloutStatus.FAILED);
            assertThat(failed.state().trafficWeight()).isZero();
            assertThat(failed.commands()).contains(new RecordOutcome(RolloutStatus.FAILED, SHADOW,
                    ReasonCode.PREFLIGHT_FAILED)).noneMatch(ShiftTraffic.class::isInstance);
        }

        @Test
        void preflightNeedingAHumanHoldsAndApprovalEntersShadow() {
            LifecycleWalk walk = LifecycleWalk.start(PLAN).feed(preflightNeedsApproval());
            assertThat(walk.state().status()).isEqualTo(RolloutStatus.HOLD);
            assertThat(walk.last().command(RequestApproval.class)).get()
                    .extracting(RequestApproval::reason).isEqualTo(ApprovalReason.PREFLIGHT_REQUIRES_HUMAN);

            Transition approved = walk.feed(approve()).last();

            assertThat(approved.state().status()).isEqualTo(RolloutStatus.SHADOW);
            assertThat(approved.state().stageIndex()).isEqualTo(SHADOW);
            assertThat(approved.reason()).isEqualTo(ReasonCode.APPROVED);
        }

        @Test
        void passingShadowEvaluationAfterItsDurationShiftsTenPercentToCanaryOne() {
            Transition promoted = LifecycleWalk.observing(PLAN, SHADOW).after(SHADOW_DURATION)
                    .feed(promote(SHADOW)).last();

            assertThat(promoted.state().status()).isEqualTo(RolloutStatus.PROMOTING);
            assertThat(promoted.state().stageIndex()).isEqualTo(CANARY_1);
            assertThat(promoted.state().trafficWeight()).isEqualTo(10);
            assertThat(promoted.commands()).first().isEqualTo(new ShiftTraffic(CANARY_1, 10));
        }

        @Test
        void shadowIsNotPromotedBeforeItsDuration() {
            Transition early = LifecycleWalk.observing(PLAN, SHADOW).after(SHADOW_DURATION.minusMinutes(1))
                    .feed(promote(SHADOW)).last();

            assertThat(early.state().status()).isEqualTo(RolloutStatus.SHADOW);
            assertThat(early.reason()).isEqualTo(ReasonCode.MIN_DURATION_NOT_REACHED);
            assertThat(early.commands()).isEmpty();
        }

        @Test
        void shadowWithoutTriggersIsPromotedOnTheFirstTickAfterItsDuration() {
            LifecycleWalk walk = LifecycleWalk.observing(PLAN, SHADOW).after(SHADOW_DURATION.minusMinutes(1))
                    .feed(tick());
            assertThat(walk.last().reason()).isEqualTo(ReasonCode.MIN_DURATION_NOT_REACHED);

            Transition promoted = walk.after(Duration.ofMinutes(1)).feed(tick()).last();

            assertThat(promoted.reason()).isEqualTo(ReasonCode.MIN_DURATION_ELAPSED);
            assertThat(promoted.commands()).first().isEqualTo(new ShiftTraffic(CANARY_1, 10));
        }

        @Test
        void criticalSchemaOrOutputViolationInShadowRollsBack() {
            assertRollsBack(LifecycleWalk.observing(PLAN, SHADOW), trigger(TriggerCode.CRITICAL_INCIDENT),
                    ReasonCode.TRIGGER_CRITICAL_INCIDENT);
        }

        @Test
        void safetyDenySpikeInShadowRollsBack() {
            assertRollsBack(LifecycleWalk.observing(PLAN, SHADOW), trigger(TriggerCode.SAFETY_DENY_RATIO),
                    ReasonCode.TRIGGER_SAFETY_DENY_RATIO);
        }

        @Test
        void parserFailureRateOverBaselineInShadowRollsBack() {
            assertRollsBack(LifecycleWalk.observing(PLAN, SHADOW), trigger(TriggerCode.PARSE_FAILURE_RATIO),
                    ReasonCode.TRIGGER_PARSE_FAILURE_RATIO);
        }
    }

    @Nested
    class CanaryOne {
        @Test
        void passingScoreAfterTheThreeHourLifetimeShiftsFiftyPercentToCanaryTwo() {
            Transition promoted = LifecycleWalk.observing(PLAN, CANARY_1).after(CANARY_LIFETIME)
                    .feed(promote(CANARY_1)).last();

            assertThat(promoted.state().status()).isEqualTo(RolloutStatus.PROMOTING);
            assertThat(promoted.state().stageIndex()).isEqualTo(CANARY_2);
            assertThat(promoted.commands()).first().isEqualTo(new ShiftTraffic(CANARY_2, 50));
            assertThat(promoted.reason()).isEqualTo(ReasonCode.VERDICT_PROMOTE);
        }

        @Test
        void passingScoreBeforeTheLifetimeKeepsObservingAndTheNextVerdictAfterItPromotes() {
            LifecycleWalk walk = LifecycleWalk.observing(PLAN, CANARY_1).after(Duration.ofHours(2))
                    .feed(promote(CANARY_1));
            assertThat(walk.last().reason()).isEqualTo(ReasonCode.MIN_DURATION_NOT_REACHED);
            assertThat(walk.state().status()).isEqualTo(RolloutStatus.CANARY);

            walk.after(Duration.ofHours(1)).feed(tick());
            assertThat(walk.last().reason()).isEqualTo(ReasonCode.AWAITING_VERDICT);

            walk.feed(promote(CANARY_1));
            assertThat(walk.state().stageIndex()).isEqualTo(CANARY_2);
        }

        @Test
        void tooFewDataPointsKeepObserving() {
            Transition noData = LifecycleWalk.observing(PLAN, CANARY_1).after(CANARY_LIFETIME)
                    .feed(noData(CANARY_1)).last();

            assertThat(noData.state().status()).isEqualTo(RolloutStatus.CANARY);
            assertThat(noData.reason()).isEqualTo(ReasonCode.VERDICT_CONTINUE);
        }

        @Test
        void marginalScoreHoldsForManualApprovalAtTenPercent() {
            Transition held = LifecycleWalk.observing(PLAN, CANARY_1).after(CANARY_LIFETIME)
                    .feed(marginal(CANARY_1)).last();

            assertThat(held.state().status()).isEqualTo(RolloutStatus.HOLD);
            assertThat(held.state().trafficWeight()).isEqualTo(10);
            assertThat(held.command(RequestApproval.class)).get()
                    .isEqualTo(new RequestApproval(CANARY_1, ApprovalReason.MARGINAL_SCORE,
                            "HOLD at score 80 for stage 1 [LATENCY_P99_MARGINAL]"));
            assertThat(held.reason()).isEqualTo(ReasonCode.HOLD_MARGINAL_SCORE);
        }

        @Test
        void approvedMarginalScorePromotesToCanaryTwo() {
            Transition approved = LifecycleWalk.observing(PLAN, CANARY_1).after(CANARY_LIFETIME)
                    .feed(marginal(CANARY_1)).after(Duration.ofMinutes(10)).feed(approve()).last();

            assertThat(approved.state().status()).isEqualTo(RolloutStatus.PROMOTING);
            assertThat(approved.commands()).first().isEqualTo(new ShiftTraffic(CANARY_2, 50));
            assertThat(approved.command(PublishEvent.class)).get().extracting(PublishEvent::detail)
                    .isEqualTo("approved by bob: numbers look fine");
        }

        @Test
        void rejectedMarginalScoreRollsBack() {
            LifecycleWalk held = LifecycleWalk.observing(PLAN, CANARY_1).after(CANARY_LIFETIME)
                    .feed(marginal(CANARY_1));
            assertRollsBack(held, reject(), ReasonCode.APPROVAL_REJECTED);
        }

        @Test
        void marginalScoreWhoseApprovalTimesOutRollsBack() {
            LifecycleWalk held = LifecycleWalk.observing(PLAN, CANARY_1).after(CANARY_LIFETIME)
                    .feed(marginal(CANARY_1));
            assertRollsBack(held, approvalTimedOut(), ReasonCode.APPROVAL_TIMED_OUT);
        }

        @Test
        void scoreBelowMarginalRollsBackWithoutWaitingForTheLifetime() {
            assertRollsBack(LifecycleWalk.observing(PLAN, CANARY_1).after(Duration.ofMinutes(30)),
                    failing(CANARY_1), ReasonCode.VERDICT_ROLLBACK);
        }

        @Test
        void errorRateRatioOverTwoRollsBack() {
            assertRollsBack(LifecycleWalk.observing(PLAN, CANARY_1), trigger(TriggerCode.ERROR_RATE_RATIO),
                    ReasonCode.TRIGGER_ERROR_RATE_RATIO);
        }

        @Test
        void approvalBacklogBreachRollsBack() {
            assertRollsBack(LifecycleWalk.observing(PLAN, CANARY_1), trigger(TriggerCode.APPROVAL_BACKLOG),
                    ReasonCode.TRIGGER_APPROVAL_BACKLOG);
        }

        @Test
        void approvalBacklogBreachRollsBackEvenWhileWaitingForApproval() {
            LifecycleWalk held = LifecycleWalk.observing(PLAN, CANARY_1).after(CANARY_LIFETIME)
                    .feed(marginal(CANARY_1));
            assertRollsBack(held, trigger(TriggerCode.APPROVAL_BACKLOG), ReasonCode.TRIGGER_APPROVAL_BACKLOG);
        }
    }

    @Nested
    class CanaryTwo {
        @Test
        void stableLatencyAndDenyRateWithinLimitAfterTheLifetimeShiftsAllTrafficToFull() {
            Transition promoted = LifecycleWalk.observing(PLAN, CANARY_2).after(CANARY_LIFETIME)
                    .feed(promote(CANARY_2)).last();

            assertThat(promoted.state().status()).isEqualTo(RolloutStatus.PROMOTING);
            assertThat(promoted.state().stageIndex()).isEqualTo(FULL);
            assertThat(promoted.commands()).first().isEqualTo(new ShiftTraffic(FULL, 100));
        }

        @Test
        void unstableLatencyRollsBack() {
            assertRollsBack(LifecycleWalk.observing(PLAN, CANARY_2).after(CANARY_LIFETIME), failing(CANARY_2),
                    ReasonCode.VERDICT_ROLLBACK);
        }

        @Test
        void policyDenyRateOverTheLimitRollsBack() {
            assertRollsBack(LifecycleWalk.observing(PLAN, CANARY_2), trigger(TriggerCode.POLICY_DENY_RATE),
                    ReasonCode.TRIGGER_POLICY_DENY_RATE);
        }

        @Test
        void sustainedOverloadReasonCodesRollBack() {
            assertRollsBack(LifecycleWalk.observing(PLAN, CANARY_2), trigger(TriggerCode.OVERLOAD_SUSTAINED),
                    ReasonCode.TRIGGER_OVERLOAD_SUSTAINED);
        }
    }

    @Nested
    class Full {
        @Test
        void confirmedFullShiftStartsTheBake() {
            LifecycleWalk walk = LifecycleWalk.observing(PLAN, CANARY_2).after(CANARY_LIFETIME)
                    .feed(promote(CANARY_2)).after(Duration.ofMinutes(2)).feed(trafficAt(100));

            assertThat(walk.state().status()).isEqualTo(RolloutStatus.BAKING);
            assertThat(walk.state().stageEnteredAt()).isEqualTo(walk.now());
            assertThat(walk.last().commands()).contains(new StartObserving(FULL, "full"));
        }

        @Test
        void noCriticalIncidentThroughTheBakePromotes() {
            LifecycleWalk walk = LifecycleWalk.observing(PLAN, FULL).after(BAKE.minusMinutes(1)).feed(tick());
            assertThat(walk.last().reason()).isEqualTo(ReasonCode.BAKE_IN_PROGRESS);

            Transition promoted = walk.after(Duration.ofMinutes(1)).feed(tick()).last();

            assertThat(promoted.state().status()).isEqualTo(RolloutStatus.PROMOTED);
            assertThat(promoted.state().trafficWeight()).isEqualTo(100);
            assertThat(promoted.commands()).contains(new RecordOutcome(RolloutStatus.PROMOTED, FULL,
                    ReasonCode.BAKE_COMPLETED));
        }

        @Test
        void bakeFinishedReportAfterTheBakePromotes() {
            Transition promoted = LifecycleWalk.observing(PLAN, FULL).after(BAKE).feed(bakeFinished()).last();

            assertThat(promoted.state().status()).isEqualTo(RolloutStatus.PROMOTED);
            assertThat(promoted.reason()).isEqualTo(ReasonCode.BAKE_FINISHED);
        }

        @Test
        void earlyBakeFinishedReportIsNotTrusted() {
            Transition early = LifecycleWalk.observing(PLAN, FULL).after(Duration.ofHours(1)).feed(bakeFinished())
                    .last();

            assertThat(early.state().status()).isEqualTo(RolloutStatus.BAKING);
            assertThat(early.reason()).isEqualTo(ReasonCode.IGNORED_EARLY_BAKE_FINISHED);
        }

        @Test
        void criticalIncidentDuringTheBakeRollsBackImmediately() {
            assertRollsBack(LifecycleWalk.observing(PLAN, FULL).after(Duration.ofHours(20)),
                    trigger(TriggerCode.CRITICAL_INCIDENT), ReasonCode.TRIGGER_CRITICAL_INCIDENT);
        }

        @Test
        void severeRegressionDuringTheBakeRollsBackImmediately() {
            assertRollsBack(LifecycleWalk.observing(PLAN, FULL).after(Duration.ofHours(1)), failing(FULL),
                    ReasonCode.VERDICT_ROLLBACK);
        }

        @Test
        void afterASevereRegressionTheOperatorCanRerunFromANamedStage() {
            LifecycleWalk walk = LifecycleWalk.observing(PLAN, FULL).feed(failing(FULL)).feed(rollbackCompleted());
            assertThat(walk.state().status()).isEqualTo(RolloutStatus.ROLLED_BACK);

            Transition rerun = walk.after(Duration.ofHours(1)).feed(rerunFrom("canary-2")).last();
            assertThat(rerun.state().status()).isEqualTo(RolloutStatus.PENDING);
            assertThat(rerun.state().stageIndex()).isEqualTo(CANARY_2);
            assertThat(rerun.commands()).first().isEqualTo(new RunPreflight(CANARY_2));

            Transition shifted = walk.feed(preflightPassed()).last();
            assertThat(shifted.commands()).first().isEqualTo(new ShiftTraffic(CANARY_2, 50));
        }
    }

    @ParameterizedTest
    @EnumSource(TriggerCode.class)
    void everyTriggerRollsBackEveryStage(TriggerCode code) {
        for (int stage = SHADOW; stage <= FULL; stage++) {
            assertRollsBack(LifecycleWalk.observing(PLAN, stage), trigger(code), code.reason());
        }
    }

    /** Rolls back with the baseline-restoring command, and the driver's confirmation ends it ROLLED_BACK at 0%. */
    private static void assertRollsBack(LifecycleWalk walk, Observation cause, ReasonCode reason) {
        int stage = walk.state().stageIndex();
        Transition rolling = walk.feed(cause).last();
        assertThat(rolling.state().status()).isEqualTo(RolloutStatus.ROLLING_BACK);
        assertThat(rolling.state().trafficWeight()).isZero();
        assertThat(rolling.reason()).isEqualTo(reason);
        assertThat(rolling.commands()).first().isEqualTo(new RollBackTraffic(reason));

        Transition done = walk.feed(rollbackCompleted()).last();
        assertThat(done.state().status()).isEqualTo(RolloutStatus.ROLLED_BACK);
        assertThat(done.state().trafficWeight()).isZero();
        assertThat(done.state().stageIndex()).isEqualTo(stage);
        assertThat(done.commands()).contains(new RecordOutcome(RolloutStatus.ROLLED_BACK, stage,
                ReasonCode.ROLLBACK_COMPLETED));
    }
}
