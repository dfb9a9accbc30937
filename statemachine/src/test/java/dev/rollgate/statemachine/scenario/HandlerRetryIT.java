package dev.rollgate.statemachine.scenario;

import dev.rollgate.aws.testing.AwsEmulatorExtension;
import dev.rollgate.aws.testing.AwsEndpoint;
import dev.rollgate.core.lifecycle.RolloutStatus;
import dev.rollgate.core.policy.RolloutPolicy;
import dev.rollgate.core.simulation.Scenario;
import dev.rollgate.core.state.PageRequest;
import dev.rollgate.core.state.Rollout;
import dev.rollgate.core.workflow.TrafficControl;
import dev.rollgate.standin.StandInConfig;
import dev.rollgate.statemachine.local.ScenarioTraffic.Behaviour;
import dev.rollgate.statemachine.runner.ExecutionEventType;
import dev.rollgate.statemachine.runner.TaskFailure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A handler that fails after its side effect (the traffic moved, then the invocation timed out) is retried by the
 * workflow's Retry, and the retry neither shifts traffic again nor writes the shift twice.
 */
@ExtendWith(AwsEmulatorExtension.class)
class HandlerRetryIT {
    @Test
    void shiftThatFailsAfterMovingTrafficIsRetriedWithoutASecondShift(AwsEndpoint aws) {
        List<Integer> realShifts = new ArrayList<>();
        AtomicBoolean failedOnce = new AtomicBoolean();
        try (ScenarioFixture f = new ScenarioFixture(aws, StandInConfig.example(), inner -> new TrafficControl() {
            @Override
            public int shift(Rollout rollout, RolloutPolicy policy, int stageIndex, int weight) {
                int before = inner.shift(rollout, policy, stageIndex, weight);
                realShifts.add(before);
                if (weight == 10 && failedOnce.compareAndSet(false, true)) {
                    throw new TaskFailure("Lambda.Unknown", "function timed out after updating the alias");
                }
                return before;
            }

            @Override
            public int restoreBaseline(Rollout rollout, RolloutPolicy policy) {
                return inner.restoreBaseline(rollout, policy);
            }
        })) {
            String id = f.start("retry", ScenarioFixture.POLICY, Behaviour.of(Scenario.HEALTHY));
            f.traffic.runUntilSettled(Duration.ofHours(12));
            Rollout r = f.stores.rollouts().get(id).orElseThrow();
            assertThat(r.state().status()).isEqualTo(RolloutStatus.PROMOTED);
            assertThat(failedOnce).isTrue();
            var execution = f.rollgate.runner().execution(id).orElseThrow();
            assertThat(execution.history(ExecutionEventType.TASK_RETRY_SCHEDULED)).isNotEmpty();
            var alias = f.rollgate.candidateWeight(r);
            assertThat(alias).isEqualTo(100);
            long shiftedTo10 = f.stores.history().read(id, PageRequest.first(500)).items().stream()
                    .filter(e -> e.type().equals("TRAFFIC_SHIFTED") && "10".equals(e.detail().get("weight"))).count();
            assertThat(shiftedTo10).isOne();
            // The driver was asked twice for 10 % but changed the alias once (the second call is a no-op).
            assertThat(realShifts.stream().filter(w -> w == 10).count()).isEqualTo(2);
        }
    }

    @Test
    void codeDeployShiftThatFailsAfterStartingTheDeploymentIsRetriedWithoutASecondDeployment(AwsEndpoint aws) {
        AtomicBoolean failedOnce = new AtomicBoolean();
        try (ScenarioFixture f = new ScenarioFixture(aws, StandInConfig.example(), inner -> new TrafficControl() {
            @Override
            public int shift(Rollout rollout, RolloutPolicy policy, int stageIndex, int weight) {
                int inEffect = inner.shift(rollout, policy, stageIndex, weight);
                if (weight == 10 && failedOnce.compareAndSet(false, true)) {
                    throw new TaskFailure("Lambda.Unknown", "function timed out after CreateDeployment");
                }
                return inEffect;
            }

            @Override
            public int restoreBaseline(Rollout rollout, RolloutPolicy policy) {
                return inner.restoreBaseline(rollout, policy);
            }
        })) {
            String id = f.start("cd-retry", ScenarioFixture.CODEDEPLOY_POLICY, Behaviour.of(Scenario.HEALTHY));
            f.traffic.runUntilSettled(Duration.ofHours(12));
            Rollout r = f.stores.rollouts().get(id).orElseThrow();
            assertThat(r.state().status()).isEqualTo(RolloutStatus.PROMOTED);
            assertThat(failedOnce).isTrue();
            assertThat(f.rollgate.runner().execution(id).orElseThrow()
                    .history(ExecutionEventType.TASK_RETRY_SCHEDULED)).isNotEmpty();
            // The retry found the guard's record of the first attempt's deployment and started none.
            assertThat(f.createDeploymentCalls()).isOne();
            assertThat(f.rollgate.codeDeploys().deployments()).singleElement()
                    .satisfies(d -> assertThat(f.guard.deploymentOf(id, 1, 1)).contains(d.deploymentId()));
            long shiftedTo10 = f.stores.history().read(id, PageRequest.first(500)).items().stream()
                    .filter(e -> e.type().equals("TRAFFIC_SHIFTED") && "10".equals(e.detail().get("weight"))).count();
            assertThat(shiftedTo10).isOne();
            assertThat(f.rollgate.candidateWeight(r)).isEqualTo(100);
        }
    }
}
