package dev.rollgate.statemachine.local;

import dev.rollgate.core.traffic.AliasRouting;
import dev.rollgate.core.traffic.HookReportOutcome;
import dev.rollgate.core.traffic.HookStatus;
import dev.rollgate.core.traffic.RefusalReason;
import dev.rollgate.core.traffic.ShiftOutcome;
import dev.rollgate.core.traffic.TrafficTarget;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.rollgate.statemachine.local.LocalTargetsFixture.ALIAS;
import static dev.rollgate.statemachine.local.LocalTargetsFixture.CANARY_STAGE;
import static dev.rollgate.statemachine.local.LocalTargetsFixture.FUNCTION;
import static dev.rollgate.statemachine.local.LocalTargetsFixture.START;
import static org.assertj.core.api.Assertions.assertThat;

class LocalCodeDeployTest {
    private final VirtualClock clock = new VirtualClock(START);
    private final LocalAgentAlias alias = new LocalAgentAlias(FUNCTION, ALIAS, "1", clock);
    private final LocalCodeDeploy codeDeploy = new LocalCodeDeploy(clock, alias);
    private final TrafficTarget target = LocalTargetsFixture.codeDeployTarget("rollout-1");

    @Test
    void noTrafficMovesUntilTheBeforeAllowTrafficHookSucceeds() {
        assertThat(codeDeploy.shift(target, CANARY_STAGE, 10)).isEqualTo(new ShiftOutcome.Shifted(10));
        assertThat(codeDeploy.currentWeight(target)).isZero();
        PendingHook before = onlyPendingHook();
        assertThat(before.event()).isEqualTo(LifecycleEvent.BEFORE_ALLOW_TRAFFIC);
        assertThat(before.hookFunction()).isEqualTo("rollgate-before-hook");

        clock.advanceBy(Duration.ofMinutes(3));
        assertThat(report(before, HookStatus.SUCCEEDED)).isEqualTo(HookReportOutcome.REPORTED);

        assertThat(codeDeploy.currentWeight(target)).isEqualTo(10);
        assertThat(alias.routing()).isEqualTo(AliasRouting.weighted("1", "2", 10));
        assertThat(alias.history()).last().extracting(LocalAgentAlias.AliasChange::at)
                .isEqualTo(START.plus(Duration.ofMinutes(3)));
    }

    @Test
    void timeBasedCanaryHasTwoLevelsAndReaches100PercentByItselfAfterTheInterval() {
        startCanaryAndPassBeforeHook();

        clock.advanceBy(Duration.ofMinutes(29));
        assertThat(codeDeploy.currentWeight(target)).isEqualTo(10);

        clock.advanceBy(Duration.ofMinutes(45));
        assertThat(codeDeploy.currentWeight(target)).isEqualTo(100);
        assertThat(alias.routing()).isEqualTo(AliasRouting.unweighted("2"));
        // Applied at the instant the interval ended, not when somebody looked.
        assertThat(alias.history()).last().extracting(LocalAgentAlias.AliasChange::at)
                .isEqualTo(START.plus(Duration.ofMinutes(30)));
        assertThat(alias.history()).extracting(LocalAgentAlias.AliasChange::routing).containsExactly(
                AliasRouting.unweighted("1"), AliasRouting.weighted("1", "2", 10), AliasRouting.unweighted("2"));

        PendingHook after = onlyPendingHook();
        assertThat(after.event()).isEqualTo(LifecycleEvent.AFTER_ALLOW_TRAFFIC);
        assertThat(after.deadline()).isEqualTo(START.plus(Duration.ofMinutes(90)));
        report(after, HookStatus.SUCCEEDED);
        assertThat(status()).isEqualTo(DeploymentStatus.SUCCEEDED);
        assertThat(codeDeploy.promote(target)).isEqualTo(new ShiftOutcome.Unchanged(100));
    }

    @Test
    void promotionCannotBePushedBeforeTheIntervalEnds() {
        startCanaryAndPassBeforeHook();

        ShiftOutcome outcome = codeDeploy.promote(target);

        assertThat(outcome).isInstanceOfSatisfying(ShiftOutcome.Refused.class,
                r -> assertThat(r.reason()).isEqualTo(RefusalReason.AWAITING_CANARY_INTERVAL));
        assertThat(codeDeploy.shift(target, 2, 100)).isInstanceOf(ShiftOutcome.Refused.class);
        assertThat(codeDeploy.currentWeight(target)).isEqualTo(10);
    }

    @Test
    void aBeforeAllowTrafficHookSilentForAnHourFailsTheDeploymentWithoutTraffic() {
        codeDeploy.shift(target, CANARY_STAGE, 10);
        PendingHook before = onlyPendingHook();

        clock.advanceBy(Duration.ofMinutes(59));
        assertThat(status()).isEqualTo(DeploymentStatus.BEFORE_ALLOW_TRAFFIC);
        clock.advanceBy(Duration.ofMinutes(2));

        assertThat(status()).isEqualTo(DeploymentStatus.FAILED);
        assertThat(codeDeploy.currentWeight(target)).isZero();
        assertThat(report(before, HookStatus.SUCCEEDED)).isEqualTo(HookReportOutcome.ALREADY_COMPLETED);
        assertThat(codeDeploy.currentWeight(target)).isZero();
    }

    @Test
    void anAfterAllowTrafficHookSilentForAnHourFailsAndRedeploysTheBaseline() {
        startCanaryAndPassBeforeHook();

        clock.advanceBy(Duration.ofMinutes(30 + 60));

        assertThat(status()).isEqualTo(DeploymentStatus.FAILED);
        assertThat(alias.routing()).isEqualTo(AliasRouting.unweighted("1"));
        assertThat(codeDeploy.deploymentOf("rollout-1", 1, CANARY_STAGE).orElseThrow().transitions()).last()
                .satisfies(t -> {
                    assertThat(t.at()).isEqualTo(START.plus(Duration.ofMinutes(90)));
                    assertThat(t.reason()).contains("did not report within 60 minutes");
                });
    }

    @Test
    void aHookReportingFailedFailsTheDeploymentAndRestoresTheBaseline() {
        codeDeploy.shift(target, CANARY_STAGE, 10);

        report(onlyPendingHook(), HookStatus.FAILED);

        assertThat(status()).isEqualTo(DeploymentStatus.FAILED);
        assertThat(alias.routing()).isEqualTo(AliasRouting.unweighted("1"));
        assertThat(codeDeploy.promote(target)).isInstanceOfSatisfying(ShiftOutcome.Refused.class,
                r -> assertThat(r.reason()).isEqualTo(RefusalReason.DEPLOYMENT_NOT_SUCCEEDED));
    }

    @Test
    void stopWithRollbackDuringTheCanaryRedeploysTheLastGoodVersion() {
        startCanaryAndPassBeforeHook();

        assertThat(codeDeploy.restoreBaseline(target)).isEqualTo(new ShiftOutcome.Shifted(0));

        assertThat(status()).isEqualTo(DeploymentStatus.STOPPED);
        assertThat(alias.routing()).isEqualTo(AliasRouting.unweighted("1"));
        assertThat(codeDeploy.restoreBaseline(target)).isEqualTo(new ShiftOutcome.Unchanged(0));
        // The stopped deployment no longer shifts to 100 % when its interval would have ended.
        clock.advanceBy(Duration.ofHours(3));
        assertThat(codeDeploy.currentWeight(target)).isZero();
    }

    @Test
    void rollbackAfterASuccessfulDeploymentRedeploysTheBaseline() {
        startCanaryAndPassBeforeHook();
        clock.advanceBy(Duration.ofMinutes(30));
        report(onlyPendingHook(), HookStatus.SUCCEEDED);

        assertThat(codeDeploy.restoreBaseline(target)).isEqualTo(new ShiftOutcome.Shifted(0));
        assertThat(alias.routing()).isEqualTo(AliasRouting.unweighted("1"));
    }

    @Test
    void noDeploymentStartsWhileTheAliasIsWeighted() {
        alias.shift(LocalTargetsFixture.aliasTarget(), 1, 20);

        ShiftOutcome outcome = codeDeploy.shift(target, CANARY_STAGE, 10);

        assertThat(outcome).isInstanceOfSatisfying(ShiftOutcome.Refused.class,
                r -> assertThat(r.reason()).isEqualTo(RefusalReason.ALIAS_WEIGHTED));
        assertThat(codeDeploy.deployments()).isEmpty();
    }

    @Test
    void oneDeploymentPerDeploymentGroupAtATime() {
        codeDeploy.shift(target, CANARY_STAGE, 10);
        TrafficTarget second = LocalTargetsFixture.codeDeployTarget("rollout-2");

        assertThat(codeDeploy.shift(second, CANARY_STAGE, 10)).isInstanceOfSatisfying(ShiftOutcome.Refused.class,
                r -> assertThat(r.reason()).isEqualTo(RefusalReason.DEPLOYMENT_IN_PROGRESS));

        report(onlyPendingHook(), HookStatus.FAILED);
        assertThat(codeDeploy.shift(second, CANARY_STAGE, 10)).isEqualTo(new ShiftOutcome.Shifted(10));
        assertThat(codeDeploy.deployments()).hasSize(2);
    }

    @Test
    void aRetriedShiftNeverStartsASecondDeployment() {
        assertThat(codeDeploy.shift(target, CANARY_STAGE, 10)).isEqualTo(new ShiftOutcome.Shifted(10));
        assertThat(codeDeploy.shift(target, CANARY_STAGE, 10)).isEqualTo(new ShiftOutcome.Unchanged(10));
        report(onlyPendingHook(), HookStatus.SUCCEEDED);
        assertThat(codeDeploy.shift(target, CANARY_STAGE, 10)).isEqualTo(new ShiftOutcome.Unchanged(10));

        assertThat(codeDeploy.deployments()).hasSize(1);
    }

    @Test
    void concurrentRetriesStartExactlyOneDeployment() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<ShiftOutcome>> calls = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                calls.add(() -> codeDeploy.shift(target, CANARY_STAGE, 10));
            }
            List<ShiftOutcome> outcomes = new ArrayList<>();
            for (Future<ShiftOutcome> f : pool.invokeAll(calls)) {
                outcomes.add(f.get());
            }

            assertThat(outcomes).filteredOn(o -> o instanceof ShiftOutcome.Shifted).hasSize(1);
            assertThat(codeDeploy.deployments()).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void weightsTimeBasedCanaryCannotExpressAreRefused() {
        assertThat(codeDeploy.shift(target, CANARY_STAGE, 50)).isInstanceOfSatisfying(ShiftOutcome.Refused.class,
                r -> assertThat(r.reason()).isEqualTo(RefusalReason.WEIGHT_NOT_SUPPORTED));
        assertThat(codeDeploy.shift(target, 0, 0)).isEqualTo(new ShiftOutcome.Unchanged(0));
        assertThat(codeDeploy.deployments()).isEmpty();
    }

    @Test
    void hookListenersHearOfEachHookAndMayReportFromTheCallback() {
        List<PendingHook> heard = new ArrayList<>();
        codeDeploy.onHook(hook -> {
            heard.add(hook);
            codeDeploy.report(hook.deploymentId(), hook.lifecycleEventHookExecutionId(), HookStatus.SUCCEEDED);
        });

        codeDeploy.shift(target, CANARY_STAGE, 10);
        clock.advanceBy(Duration.ofMinutes(30));
        codeDeploy.settle();

        assertThat(heard).extracting(PendingHook::event)
                .containsExactly(LifecycleEvent.BEFORE_ALLOW_TRAFFIC, LifecycleEvent.AFTER_ALLOW_TRAFFIC);
        assertThat(status()).isEqualTo(DeploymentStatus.SUCCEEDED);
    }

    @Test
    void reportingAHookTwiceFindsItCompleted() {
        codeDeploy.shift(target, CANARY_STAGE, 10);
        PendingHook before = onlyPendingHook();

        assertThat(report(before, HookStatus.SUCCEEDED)).isEqualTo(HookReportOutcome.REPORTED);
        assertThat(report(before, HookStatus.FAILED)).isEqualTo(HookReportOutcome.ALREADY_COMPLETED);
        assertThat(status()).isEqualTo(DeploymentStatus.CANARY);
    }

    private void startCanaryAndPassBeforeHook() {
        codeDeploy.shift(target, CANARY_STAGE, 10);
        report(onlyPendingHook(), HookStatus.SUCCEEDED);
    }

    private PendingHook onlyPendingHook() {
        List<PendingHook> hooks = codeDeploy.pendingHooks();
        assertThat(hooks).hasSize(1);
        return hooks.get(0);
    }

    private HookReportOutcome report(PendingHook hook, HookStatus status) {
        return codeDeploy.report(hook.deploymentId(), hook.lifecycleEventHookExecutionId(), status);
    }

    private DeploymentStatus status() {
        return codeDeploy.deploymentOf("rollout-1", 1, CANARY_STAGE).orElseThrow().status();
    }
}
