package dev.rollgate.core.workflow;

import dev.rollgate.core.lifecycle.RolloutState;
import dev.rollgate.core.lifecycle.RolloutStatus;
import dev.rollgate.core.state.Rollout;
import dev.rollgate.core.state.RolloutChange;
import dev.rollgate.core.state.Rollouts;
import dev.rollgate.core.state.StateAccessException;
import dev.rollgate.core.traffic.DeploymentGuard;
import dev.rollgate.core.traffic.DeploymentOwner;
import dev.rollgate.core.traffic.HookReportOutcome;
import dev.rollgate.core.traffic.HookStatus;
import dev.rollgate.core.traffic.InMemoryDeploymentGuard;
import dev.rollgate.core.traffic.LifecycleHookReporter;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Every branch of the CodeDeploy lifecycle hook decision: rollout stage 1 is the deployment's canary stage. */
class LifecycleHookStepTest {
    private static final int CANARY = 1;
    private final WorkflowFixture f = new WorkflowFixture();
    private final InMemoryDeploymentGuard guard = new InMemoryDeploymentGuard();
    private final List<String> reports = new ArrayList<>();
    private final LifecycleHookReporter reporter = (deploymentId, hookId, status) -> {
        boolean first = reports.stream().noneMatch(r -> r.startsWith(deploymentId + "/" + hookId + "="));
        reports.add(deploymentId + "/" + hookId + "=" + status);
        return first ? HookReportOutcome.REPORTED : HookReportOutcome.ALREADY_COMPLETED;
    };
    private final LifecycleHookStep hooks = new LifecycleHookStep(guard, f.stores.rollouts(), Optional.of(f.preflight), reporter);
    private final Instant hookStarted = f.now;

    @Test
    void beforeAllowTrafficSucceedsOnceTheRolloutReachedTheDeploymentsStage() {
        String id = rolloutAt(RolloutStatus.CANARY, CANARY);

        HookRun run = hooks.run(HookPhase.BEFORE_ALLOW_TRAFFIC, "d-1", "h-1", hookStarted, f.now);

        assertThat(run.decision()).isInstanceOfSatisfying(HookDecision.Report.class,
                r -> assertThat(r.status()).isEqualTo(HookStatus.SUCCEEDED));
        assertThat(run.report()).contains(HookReportOutcome.REPORTED);
        assertThat(reports).containsExactly("d-1/h-1=SUCCEEDED");
        assertThat(run.decision().reason()).contains(id);
    }

    @Test
    void beforeAllowTrafficStartsThePreflightOfAPendingRolloutAndWaitsForTheShadowGate() {
        String id = f.startRollout("pending");
        guardDeployment(id);

        HookRun run = hooks.run(HookPhase.BEFORE_ALLOW_TRAFFIC, "d-1", "h-1", hookStarted, f.now);

        assertThat(f.rollout(id).state().status()).isEqualTo(RolloutStatus.SHADOW);
        assertThat(run.pending()).isTrue();
        assertThat(run.decision().reason()).contains("SHADOW");
        assertThat(reports).isEmpty();
    }

    @Test
    void aReadOnlyHookWaitsForAPendingRolloutsPreflightInsteadOfRunningIt() {
        LifecycleHookStep readOnly = new LifecycleHookStep(guard, f.stores.rollouts(), Optional.empty(), reporter);
        String id = f.startRollout("pending-read-only");
        guardDeployment(id);

        HookRun run = readOnly.run(HookPhase.BEFORE_ALLOW_TRAFFIC, "d-1", "h-1", hookStarted, f.now);

        assertThat(f.rollout(id).state().status()).isEqualTo(RolloutStatus.PENDING);
        assertThat(run.pending()).isTrue();
    }

    @Test
    void beforeAllowTrafficFailsWhenThePreflightFails() {
        f.preflightResult = new PreflightCheck.Result.Failed("topic denied", Map.of("topic", "job.x"));
        String id = f.startRollout("denied");
        guardDeployment(id);

        HookRun run = hooks.run(HookPhase.BEFORE_ALLOW_TRAFFIC, "d-1", "h-1", hookStarted, f.now);

        assertThat(f.rollout(id).state().status()).isEqualTo(RolloutStatus.FAILED);
        assertThat(reports).containsExactly("d-1/h-1=FAILED");
        assertThat(run.decision().reason()).contains("FAILED");
    }

    @Test
    void beforeAllowTrafficFailsForARolloutThatIsRollingBack() {
        rolloutAt(RolloutStatus.ROLLING_BACK, CANARY);

        hooks.run(HookPhase.BEFORE_ALLOW_TRAFFIC, "d-1", "h-1", hookStarted, f.now);

        assertThat(reports).containsExactly("d-1/h-1=FAILED");
    }

    @Test
    void aPendingGateNearTheEndOfTheHooksHourFailsClosed() {
        rolloutAt(RolloutStatus.SHADOW, 0);
        Instant nearlyAnHourLater = hookStarted.plus(LifecycleHookStep.HOOK_TIME_LIMIT)
                .minus(LifecycleHookStep.DEADLINE_MARGIN);

        assertThat(hooks.run(HookPhase.BEFORE_ALLOW_TRAFFIC, "d-1", "h-1", hookStarted,
                nearlyAnHourLater.minusSeconds(1)).pending()).isTrue();
        HookRun late = hooks.run(HookPhase.BEFORE_ALLOW_TRAFFIC, "d-1", "h-1", hookStarted, nearlyAnHourLater);

        assertThat(late.decision().reason()).contains("hour is nearly over");
        assertThat(reports).containsExactly("d-1/h-1=FAILED");
    }

    @Test
    void afterAllowTrafficSucceedsOnceTheRolloutBakesAtFullTraffic() {
        rolloutAt(RolloutStatus.BAKING, 3);

        hooks.run(HookPhase.AFTER_ALLOW_TRAFFIC, "d-1", "h-2", hookStarted, f.now);

        assertThat(reports).containsExactly("d-1/h-2=SUCCEEDED");
    }

    @Test
    void afterAllowTrafficSucceedsForAPromotedRollout() {
        rolloutAt(RolloutStatus.PROMOTED, 3);

        hooks.run(HookPhase.AFTER_ALLOW_TRAFFIC, "d-1", "h-2", hookStarted, f.now);

        assertThat(reports).containsExactly("d-1/h-2=SUCCEEDED");
    }

    @Test
    void afterAllowTrafficWaitsWhileTheCanaryIsStillJudgedOrHeldForApproval() {
        rolloutAt(RolloutStatus.HOLD, CANARY);

        HookRun run = hooks.run(HookPhase.AFTER_ALLOW_TRAFFIC, "d-1", "h-2", hookStarted, f.now);

        assertThat(run.pending()).isTrue();
        assertThat(run.report()).isEmpty();
        assertThat(reports).isEmpty();
    }

    @Test
    void afterAllowTrafficFailsForARolledBackRollout() {
        rolloutAt(RolloutStatus.ROLLED_BACK, CANARY);

        hooks.run(HookPhase.AFTER_ALLOW_TRAFFIC, "d-1", "h-2", hookStarted, f.now);

        assertThat(reports).containsExactly("d-1/h-2=FAILED");
    }

    @Test
    void aDeploymentNotYetRecordedIsAwaitedBriefly() {
        HookRun run = hooks.run(HookPhase.BEFORE_ALLOW_TRAFFIC, "d-unknown", "h-1", hookStarted,
                hookStarted.plus(LifecycleHookStep.RECORD_GRACE).minusSeconds(1));

        assertThat(run.pending()).isTrue();
        assertThat(reports).isEmpty();
    }

    @Test
    void aDeploymentRollgateDidNotStartFailsClosedAfterTheGrace() {
        HookRun run = hooks.run(HookPhase.BEFORE_ALLOW_TRAFFIC, "d-sam", "h-1", hookStarted,
                hookStarted.plus(LifecycleHookStep.RECORD_GRACE));

        assertThat(run.decision().reason()).contains("not started by rollgate");
        assertThat(reports).containsExactly("d-sam/h-1=FAILED");
    }

    @Test
    void aDeploymentWhoseRolloutIsGoneFails() {
        guard.claim("r-gone", 1, CANARY);
        guard.recordDeployment("r-gone", 1, CANARY, "d-1");

        HookRun run = hooks.run(HookPhase.AFTER_ALLOW_TRAFFIC, "d-1", "h-2", hookStarted, f.now);

        assertThat(run.decision().reason()).contains("does not exist");
        assertThat(reports).containsExactly("d-1/h-2=FAILED");
    }

    @Test
    void aDeploymentOfAnEarlierRunFailsOnceTheRolloutWasRerunWhileTheNewRunsDeploymentIsJudgedByTheState() {
        String id = f.startRollout("rerun");
        Rollout r = f.rollout(id);
        f.stores.rollouts().update(new RolloutChange(id, r.version(), new RolloutState(RolloutStatus.CANARY, CANARY,
                0, f.now, f.now, "TEST_SETUP", 2), Optional.empty(), f.now, List.of()));
        guardDeployment(id);
        guard.claim(id, 2, CANARY);
        guard.recordDeployment(id, 2, CANARY, "d-2");

        HookRun old = hooks.run(HookPhase.BEFORE_ALLOW_TRAFFIC, "d-1", "h-1", hookStarted, f.now);
        HookRun current = hooks.run(HookPhase.BEFORE_ALLOW_TRAFFIC, "d-2", "h-2", hookStarted, f.now);

        assertThat(old.decision().reason()).contains("run 1").contains("now in run 2");
        assertThat(reports).containsExactly("d-1/h-1=FAILED", "d-2/h-2=SUCCEEDED");
        assertThat(guard.ownerOf("d-1")).contains(new DeploymentOwner(id, 1, CANARY));
        assertThat(guard.ownerOf("d-2")).contains(new DeploymentOwner(id, 2, CANARY));
    }

    @Test
    void aStoreFailureFailsClosedAtOnceAndSaysWhy() {
        LifecycleHookStep failing = new LifecycleHookStep(new ThrowingOwnerGuard(), f.stores.rollouts(), Optional.of(f.preflight),
                reporter);

        HookRun run = failing.run(HookPhase.BEFORE_ALLOW_TRAFFIC, "d-1", "h-1", hookStarted, f.now);

        assertThat(run.failure()).hasValueSatisfying(m -> assertThat(m).contains("throttled"));
        assertThat(reports).containsExactly("d-1/h-1=FAILED");
    }

    @Test
    void aRetriedHookFindsItsReportAlreadyCompleted() {
        rolloutAt(RolloutStatus.CANARY, CANARY);
        hooks.run(HookPhase.BEFORE_ALLOW_TRAFFIC, "d-1", "h-1", hookStarted, f.now);

        HookRun again = hooks.run(HookPhase.BEFORE_ALLOW_TRAFFIC, "d-1", "h-1", hookStarted,
                f.now.plus(Duration.ofSeconds(30)));

        assertThat(again.report()).contains(HookReportOutcome.ALREADY_COMPLETED);
    }

    /** A rollout put straight into {@code status} at {@code stage}, owning deployment d-1 at the canary stage. */
    private String rolloutAt(RolloutStatus status, int stage) {
        String id = f.startRollout("k-" + status + stage);
        Rollout r = f.rollout(id);
        Rollouts rollouts = f.stores.rollouts();
        rollouts.update(new RolloutChange(id, r.version(), new RolloutState(status, stage, 0, f.now, f.now,
                "TEST_SETUP"), Optional.empty(), f.now, List.of()));
        guardDeployment(id);
        return id;
    }

    private void guardDeployment(String rolloutId) {
        guard.claim(rolloutId, 1, CANARY);
        guard.recordDeployment(rolloutId, 1, CANARY, "d-1");
    }

    private static final class ThrowingOwnerGuard extends DelegatingGuard {
        @Override
        public Optional<DeploymentOwner> ownerOf(String deploymentId) {
            throw new StateAccessException("throttled");
        }
    }

    private static class DelegatingGuard implements DeploymentGuard {
        private final InMemoryDeploymentGuard inner = new InMemoryDeploymentGuard();

        @Override
        public dev.rollgate.core.traffic.DeploymentClaim claim(String rolloutId, int run, int stageIndex) {
            return inner.claim(rolloutId, run, stageIndex);
        }

        @Override
        public void recordDeployment(String rolloutId, int run, int stageIndex, String deploymentId) {
            inner.recordDeployment(rolloutId, run, stageIndex, deploymentId);
        }

        @Override
        public void release(String rolloutId, int run, int stageIndex) {
            inner.release(rolloutId, run, stageIndex);
        }

        @Override
        public Optional<String> deploymentOf(String rolloutId, int run, int stageIndex) {
            return inner.deploymentOf(rolloutId, run, stageIndex);
        }

        @Override
        public Optional<DeploymentOwner> ownerOf(String deploymentId) {
            return inner.ownerOf(deploymentId);
        }
    }
}
