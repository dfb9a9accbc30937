package dev.rollgate.statemachine.scenario;

import dev.rollgate.aws.testing.AwsEmulatorExtension;
import dev.rollgate.aws.testing.AwsEndpoint;
import dev.rollgate.core.lifecycle.ReasonCode;
import dev.rollgate.core.lifecycle.RolloutStatus;
import dev.rollgate.core.simulation.Scenario;
import dev.rollgate.core.state.ApprovalRequest;
import dev.rollgate.core.state.HistoryEvent;
import dev.rollgate.core.state.PageRequest;
import dev.rollgate.core.state.Rollout;
import dev.rollgate.core.workflow.ApprovalDecisionOutcome;
import dev.rollgate.core.workflow.StartRolloutOutcome;
import dev.rollgate.core.workflow.StartRolloutRequest;
import dev.rollgate.standin.StandInConfig;
import dev.rollgate.core.traffic.TrafficTarget;
import dev.rollgate.statemachine.local.DeploymentStatus;
import dev.rollgate.statemachine.local.DeploymentView;
import dev.rollgate.statemachine.local.LocalRollgate;
import dev.rollgate.statemachine.local.ScenarioTraffic.Behaviour;
import dev.rollgate.statemachine.runner.Execution;
import dev.rollgate.statemachine.runner.ExecutionStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real rollout.asl.json, end to end on the local runner, with DynamoDB on the emulator and the Cordum stand-in:
 * each scenario asserts the recorded history (statuses and reason codes) and the final traffic weight.
 */
@ExtendWith(AwsEmulatorExtension.class)
class RolloutScenariosIT {
    private static final Duration LIMIT = Duration.ofHours(12);
    private ScenarioFixture f;

    @BeforeEach
    void install(AwsEndpoint aws) {
        f = new ScenarioFixture(aws, StandInConfig.example());
    }

    @AfterEach
    void uninstall() {
        f.close();
    }

    @Test
    void healthyCanaryIsPromotedToFullTraffic() {
        String id = f.start("healthy", ScenarioFixture.POLICY, Behaviour.of(Scenario.HEALTHY));
        f.traffic.runUntilSettled(LIMIT);
        Rollout r = rollout(id);
        assertThat(r.state().status()).isEqualTo(RolloutStatus.PROMOTED);
        assertThat(f.rollgate.candidateWeight(r)).isEqualTo(100);
        assertThat(transitions(id)).containsSubsequence("PREFLIGHT_PASSED", "TRAFFIC_SHIFT_CONFIRMED",
                "VERDICT_PROMOTE", "BAKE_FINISHED");
        assertThat(execution(id).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    }

    @Test
    void denyInTheShadowGateNeverShiftsTraffic() {
        String policy = ScenarioFixture.POLICY.replace("[job.support.reply]", "[job.support.delete-account]");
        String id = f.start("deny", policy, Behaviour.of(Scenario.HEALTHY));
        f.traffic.runUntilSettled(LIMIT);
        Rollout r = rollout(id);
        assertThat(r.state().status()).isEqualTo(RolloutStatus.FAILED);
        assertThat(transitions(id)).contains("PREFLIGHT_FAILED").doesNotContain("TRAFFIC_SHIFT_CONFIRMED");
        assertThat(types(id)).doesNotContain("TRAFFIC_SHIFTED");
        assertThat(f.rollgate.candidateWeight(r)).isZero();
    }

    @Test
    void doubledErrorRateRollsBackToZeroWithinOneEvaluation() {
        String id = f.start("errors", ScenarioFixture.POLICY, Behaviour.from(Scenario.ERROR_RATE_DOUBLED, 1));
        f.traffic.runUntilSettled(LIMIT);
        Rollout r = rollout(id);
        assertThat(r.state().status()).isEqualTo(RolloutStatus.ROLLED_BACK);
        assertThat(f.rollgate.candidateWeight(r)).isZero();
        List<HistoryEvent> history = history(id);
        HistoryEvent fired = history.stream().filter(e -> e.type().equals("GATE_EVALUATED")
                && e.reasonCode().startsWith("TRIGGER_")).findFirst().orElseThrow();
        HistoryEvent rolledBack = history.stream().filter(e -> e.reasonCode().equals("ROLLBACK_COMPLETED"))
                .findFirst().orElseThrow();
        // The evaluation that saw the trigger is the one that started the rollback: no extra interval passes.
        assertThat(Duration.between(fired.at(), rolledBack.at())).isZero();
    }

    @Test
    void marginalScoreWaitsForApprovalAndContinuesOnceApproved() {
        String id = f.start("marginal", ScenarioFixture.POLICY, Behaviour.from(Scenario.LOW_TRAFFIC, 1));
        ApprovalRequest pending = runUntilPending(id);
        assertThat(rollout(id).state().status()).isEqualTo(RolloutStatus.HOLD);
        assertThat(f.rollgate.approvals().decide(pending.id(), true, "alice", Set.of("acme"), "mine", f.rollgate.now()))
                .isInstanceOf(ApprovalDecisionOutcome.SelfApprovalDenied.class);
        assertThat(f.rollgate.approvals().decide(pending.id(), true, "bob", Set.of("acme"), "accepted risk",
                f.rollgate.now())).isInstanceOf(ApprovalDecisionOutcome.Accepted.class);
        assertThat(rollout(id).state().status()).isNotEqualTo(RolloutStatus.HOLD);
        assertThat(transitions(id)).contains("APPROVED");
    }

    @Test
    void rejectedApprovalRollsBack() {
        String id = f.start("rejected", ScenarioFixture.POLICY, Behaviour.from(Scenario.LOW_TRAFFIC, 1));
        ApprovalRequest pending = runUntilPending(id);
        f.rollgate.approvals().decide(pending.id(), false, "bob", Set.of("acme"), "not today", f.rollgate.now());
        f.traffic.runUntilSettled(LIMIT);
        assertThat(rollout(id).state().status()).isEqualTo(RolloutStatus.ROLLED_BACK);
        assertThat(f.rollgate.candidateWeight(rollout(id))).isZero();
        assertThat(transitions(id)).contains("APPROVAL_REJECTED");
    }

    @Test
    void approvalTimeoutRollsBack() {
        String id = f.start("timeout", ScenarioFixture.POLICY, Behaviour.from(Scenario.LOW_TRAFFIC, 1));
        runUntilPending(id);
        // Nobody answers: the workflow's own task timeout resolves the approval as rejected.
        f.traffic.unfollow(id);
        f.rollgate.runner().advanceBy(Duration.ofHours(25));
        assertThat(rollout(id).state().status()).isEqualTo(RolloutStatus.ROLLED_BACK);
        assertThat(transitions(id)).contains("APPROVAL_TIMED_OUT");
        assertThat(f.rollgate.candidateWeight(rollout(id))).isZero();
    }

    @Test
    void sustainedOverloadAtFiftyPercentRollsBack() {
        String id = f.start("overload", ScenarioFixture.POLICY, new Behaviour(Scenario.HEALTHY, 2, false, true));
        f.traffic.runUntilSettled(LIMIT);
        Rollout r = rollout(id);
        assertThat(r.state().status()).isEqualTo(RolloutStatus.ROLLED_BACK);
        assertThat(r.state().stageIndex()).isEqualTo(2);
        assertThat(transitions(id)).contains("TRIGGER_OVERLOAD_SUSTAINED");
        assertThat(f.rollgate.candidateWeight(r)).isZero();
    }

    @Test
    void cordumDownFailsClosed() {
        f.cordum.close();
        String id = f.start("cordum-down", ScenarioFixture.POLICY, Behaviour.of(Scenario.HEALTHY));
        f.traffic.runUntilSettled(LIMIT);
        assertThat(rollout(id).state().status()).isEqualTo(RolloutStatus.FAILED);
        assertThat(history(id)).anySatisfy(e -> assertThat(e.detail().getOrDefault("detail", "")
                + e.detail().getOrDefault("verdict", "")).containsAnyOf("policy service unavailable", "UNAVAILABLE"));
        assertThat(types(id)).doesNotContain("TRAFFIC_SHIFTED");
    }

    @Test
    void criticalIncidentDuringBakeRollsBack() {
        String id = f.start("bake-incident", ScenarioFixture.POLICY, new Behaviour(Scenario.HEALTHY, 0, true, false));
        f.traffic.runUntilSettled(LIMIT);
        Rollout r = rollout(id);
        assertThat(r.state().status()).isEqualTo(RolloutStatus.ROLLED_BACK);
        assertThat(transitions(id)).contains("TRIGGER_CRITICAL_INCIDENT");
        assertThat(f.rollgate.candidateWeight(r)).isZero();
    }

    @Test
    void duplicateStartWithTheSameKeyRunsOneExecution() {
        StartRolloutRequest request = new StartRolloutRequest(ScenarioFixture.TENANT, "dup-agent", "v2", "v1",
                "alice", null, ScenarioFixture.POLICY, "pipeline-7");
        StartRolloutOutcome first = f.rollgate.starts().start(request, f.rollgate.now());
        StartRolloutOutcome second = f.rollgate.starts().start(request, f.rollgate.now());
        assertThat(second).isInstanceOfSatisfying(StartRolloutOutcome.Started.class, s -> assertThat(s.replayed()).isTrue());
        assertThat(((StartRolloutOutcome.Started) second).rolloutId())
                .isEqualTo(((StartRolloutOutcome.Started) first).rolloutId());
        assertThat(f.rollgate.runner().executions()).hasSize(1);
    }

    @Test
    void rerunFromANamedStageAfterAFixCompletes() {
        String id = f.start("rerun", ScenarioFixture.POLICY, Behaviour.from(Scenario.ERROR_RATE_DOUBLED, 1));
        f.traffic.runUntilSettled(LIMIT);
        assertThat(rollout(id).state().status()).isEqualTo(RolloutStatus.ROLLED_BACK);
        f.traffic.unfollow(id);
        f.traffic.follow(id, ScenarioFixture.TENANT, Behaviour.of(Scenario.HEALTHY), 99);
        assertThat(f.rollgate.operator().rerun(id, "canary-1", "oscar", f.rollgate.now()))
                .isEqualTo(ReasonCode.RERUN_REQUESTED);
        f.traffic.runUntilSettled(LIMIT);
        assertThat(rollout(id).state().status()).isEqualTo(RolloutStatus.PROMOTED);
        assertThat(f.rollgate.runner().executions()).hasSize(2);
        assertThat(history(id)).anySatisfy(e -> assertThat(e.actor()).isEqualTo("oscar"));
    }

    @Test
    void codeDeployHealthyCanaryIsPromotedToFullTrafficThroughOneDeployment() {
        String id = f.start("cd-healthy", ScenarioFixture.CODEDEPLOY_POLICY, Behaviour.of(Scenario.HEALTHY));
        f.traffic.runUntilSettled(LIMIT);
        Rollout r = rollout(id);
        assertThat(r.state().status()).isEqualTo(RolloutStatus.PROMOTED);
        assertThat(f.rollgate.candidateWeight(r)).isEqualTo(100);
        assertThat(transitions(id)).containsSubsequence("PREFLIGHT_PASSED", "TRAFFIC_SHIFT_CONFIRMED",
                "VERDICT_PROMOTE", "TRAFFIC_SHIFT_CONFIRMED", "BAKE_FINISHED");
        assertThat(history(id)).filteredOn(e -> e.type().equals("TRAFFIC_SHIFTED"))
                .allSatisfy(e -> assertThat(e.detail()).containsEntry("driver", "codedeploy"))
                .extracting(e -> e.detail().get("weight")).containsExactly("10", "100");
        // One deployment, through both hooks and TimeBasedCanary's two levels, recorded in the guard.
        assertThat(f.createDeploymentCalls()).isOne();
        DeploymentView deployment = f.rollgate.codeDeploys().deployments().stream().filter(d -> d.rolloutId().equals(id))
                .collect(onlyElement());
        assertThat(deployment.status()).isEqualTo(DeploymentStatus.SUCCEEDED);
        assertThat(deployment.transitions()).extracting(DeploymentView.Transition::status).containsExactly(
                DeploymentStatus.BEFORE_ALLOW_TRAFFIC, DeploymentStatus.CANARY, DeploymentStatus.AFTER_ALLOW_TRAFFIC,
                DeploymentStatus.SUCCEEDED);
        assertThat(f.guard.deploymentOf(id, 1, 1)).contains(deployment.deploymentId());
        assertThat(f.rollgate.codeDeploys().aliases().alias("support-agent-cd-healthy", LocalRollgate.ALIAS)
                .orElseThrow().history()).extracting(c -> c.routing().candidateWeight(target(r))).containsExactly(0, 10, 100);
        assertThat(execution(id).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    }

    @Test
    void codeDeployCanaryErrorSpikeStopsTheDeploymentWithRollbackToZero() {
        String id = f.start("cd-errors", ScenarioFixture.CODEDEPLOY_POLICY,
                Behaviour.from(Scenario.ERROR_RATE_DOUBLED, 1));
        f.traffic.runUntilSettled(LIMIT);
        Rollout r = rollout(id);
        assertThat(r.state().status()).isEqualTo(RolloutStatus.ROLLED_BACK);
        assertThat(f.rollgate.candidateWeight(r)).isZero();
        assertThat(transitions(id)).containsSubsequence("PREFLIGHT_PASSED", "TRAFFIC_SHIFT_CONFIRMED",
                "TRIGGER_ERROR_RATE_RATIO", "ROLLBACK_COMPLETED");
        DeploymentView deployment = f.rollgate.codeDeploys().deployments().stream().filter(d -> d.rolloutId().equals(id))
                .collect(onlyElement());
        // StopDeployment with rollback: CodeDeploy redeployed the baseline; the canary never reached 100 %.
        assertThat(deployment.status()).isEqualTo(DeploymentStatus.STOPPED);
        assertThat(deployment.transitions()).extracting(DeploymentView.Transition::status)
                .doesNotContain(DeploymentStatus.AFTER_ALLOW_TRAFFIC);
        assertThat(f.createDeploymentCalls()).isOne();
    }

    @Test
    void codeDeployRerunAfterARollbackShiftsThroughANewDeployment() {
        String id = f.start("cd-rerun", ScenarioFixture.CODEDEPLOY_POLICY,
                Behaviour.from(Scenario.ERROR_RATE_DOUBLED, 1));
        f.traffic.runUntilSettled(LIMIT);
        assertThat(rollout(id).state().status()).isEqualTo(RolloutStatus.ROLLED_BACK);
        f.traffic.unfollow(id);
        f.traffic.follow(id, ScenarioFixture.TENANT, Behaviour.of(Scenario.HEALTHY), 99);

        assertThat(f.rollgate.operator().rerun(id, "canary", "oscar", f.rollgate.now()))
                .isEqualTo(ReasonCode.RERUN_REQUESTED);
        f.traffic.runUntilSettled(LIMIT);

        Rollout r = rollout(id);
        assertThat(r.state().status()).as("history %s", transitions(id)).isEqualTo(RolloutStatus.PROMOTED);
        assertThat(f.rollgate.candidateWeight(r)).isEqualTo(100);
        // The stopped deployment of the first run stays stopped; the rerun made its own, which succeeded.
        assertThat(f.rollgate.codeDeploys().deployments().stream().filter(d -> d.rolloutId().equals(id))
                .map(DeploymentView::status).toList())
                .containsExactly(DeploymentStatus.STOPPED, DeploymentStatus.SUCCEEDED);
        assertThat(f.createDeploymentCalls()).isEqualTo(2);
    }

    private static TrafficTarget target(Rollout r) {
        return TrafficTarget.alias(r.id(), r.agent(), LocalRollgate.ALIAS, r.baselineVersion(), r.candidateVersion());
    }

    private static <T> java.util.stream.Collector<T, ?, T> onlyElement() {
        return java.util.stream.Collectors.collectingAndThen(java.util.stream.Collectors.toList(), list -> {
            assertThat(list).hasSize(1);
            return list.get(0);
        });
    }

    private ApprovalRequest runUntilPending(String id) {
        for (int i = 0; i < 12 * 60; i++) {
            List<ApprovalRequest> pending = f.stores.approvals().pending(ScenarioFixture.TENANT, PageRequest.first(50))
                    .items().stream().filter(a -> a.rolloutId().equals(id)).toList();
            if (!pending.isEmpty()) {
                return pending.get(0);
            }
            f.traffic.run(Duration.ofMinutes(1));
        }
        throw new AssertionError("no approval was requested; history " + transitions(id));
    }

    private Rollout rollout(String id) {
        return f.stores.rollouts().get(id).orElseThrow();
    }

    private Execution execution(String id) {
        return f.rollgate.runner().execution(id).orElseThrow();
    }

    private List<HistoryEvent> history(String id) {
        List<HistoryEvent> all = new ArrayList<>();
        PageRequest page = PageRequest.first(200);
        while (true) {
            var got = f.stores.history().read(id, page);
            all.addAll(got.items());
            if (!got.hasNext()) {
                return all;
            }
            page = page.next(got);
        }
    }

    private List<String> transitions(String id) {
        return history(id).stream().map(HistoryEvent::reasonCode).filter(c -> !c.isEmpty()).toList();
    }

    private List<String> types(String id) {
        return history(id).stream().map(HistoryEvent::type).toList();
    }
}
