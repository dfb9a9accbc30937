package dev.rollgate.core.judge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.rollgate.core.metrics.MetricWindow;
import dev.rollgate.core.metrics.Variant;
import dev.rollgate.core.policy.ApprovalMode;
import dev.rollgate.core.policy.OverloadTrigger;
import dev.rollgate.core.policy.PromotionGate;
import dev.rollgate.core.policy.RollbackTriggers;
import dev.rollgate.core.policy.RolloutPolicy;
import dev.rollgate.core.policy.Stage;
import dev.rollgate.core.policy.StageType;
import dev.rollgate.core.simulation.Scenario;
import dev.rollgate.core.simulation.ScenarioGenerator;
import dev.rollgate.core.simulation.ScenarioSpec;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class StageEvaluatorTest {
    private static final Duration THREE_HOURS = Duration.ofHours(3);
    private final StageEvaluator evaluator = new StageEvaluator();
    private final RolloutPolicy policy = JudgePolicyFixture.canaryPolicy();
    private final Stage stage = policy.stage(0);

    private static List<MetricWindow> scenario(Scenario scenario, int minutes) {
        return ScenarioGenerator.generate(ScenarioSpec.of(scenario, 5, WindowFixture.START).withMinutes(minutes));
    }

    private static Stage withApproval(Stage s, ApprovalMode mode) {
        return new Stage(s.name(), s.type(), s.weight(), s.minDuration(), s.pause(), s.analysis(), s.gate(),
                s.triggers(), mode);
    }

    private static Stage withGate(Stage s, PromotionGate gate) {
        return new Stage(s.name(), s.type(), s.weight(), s.minDuration(), s.pause(), s.analysis(), gate,
                s.triggers(), s.approval());
    }

    @Test
    void aHealthyCanaryIsPromotedOnceTheStageTimeHasPassed() {
        StageEvaluation evaluation = evaluator.evaluate(policy, stage, scenario(Scenario.HEALTHY, 180), THREE_HOURS);

        assertThat(evaluation.decision()).isEqualTo(Decision.PROMOTE);
        assertThat(evaluation.reasons()).startsWith(ReasonCode.GATES_PASSED.name()).contains("SCORE_PASS");
        assertThat(evaluation.score()).isEqualTo(100.0);
        assertThat(evaluation.gates()).allSatisfy(g -> assertThat(g.met()).isTrue());
        assertThat(evaluation.decidedAt()).isEqualTo(WindowFixture.START.plusSeconds(179 * 60));
    }

    @Test
    void aHealthyCanaryKeepsObservingBeforeTheStageTimeHasPassed() {
        StageEvaluation evaluation = evaluator.evaluate(policy, stage, scenario(Scenario.HEALTHY, 60),
                Duration.ofHours(1));

        assertThat(evaluation.decision()).isEqualTo(Decision.CONTINUE);
        assertThat(evaluation.reasons()).startsWith(ReasonCode.STAGE_TIME_REMAINING.name());
        assertThat(evaluation.gates()).filteredOn(g -> g.gate().equals("min_duration"))
                .singleElement().satisfies(g -> assertThat(g.met()).isFalse());
    }

    @Test
    void aDoubledErrorRateRollsBackThroughTheSequentialTrigger() {
        StageEvaluation evaluation = evaluator.checkTriggers(policy, stage, scenario(Scenario.ERROR_RATE_DOUBLED, 30),
                Duration.ofMinutes(30));

        assertThat(evaluation.decision()).isEqualTo(Decision.ROLLBACK);
        assertThat(evaluation.reasons()).containsExactly("TRIGGER_ERROR_RATE_RATIO");
        assertThat(evaluation.decidedAt()).isBefore(WindowFixture.START.plusSeconds(30 * 60));
    }

    @Test
    void aLatencyRegressionFailsTheScoreAndRollsBack() {
        StageEvaluation evaluation = evaluator.evaluate(policy, stage, scenario(Scenario.LATENCY_PLUS_50, 60),
                Duration.ofHours(1));

        assertThat(evaluation.decision()).isEqualTo(Decision.ROLLBACK);
        assertThat(evaluation.reasons()).contains("SCORE_FAIL");
        assertThat(evaluation.metrics()).filteredOn(MetricResult::failing).extracting(MetricResult::metric)
                .containsExactlyInAnyOrder("latency_p50", "latency_p90", "latency_p99");
    }

    @Test
    void aMarginalCanaryAsksAHumanAtTheEndOfTheStage() {
        StageEvaluation evaluation = evaluator.evaluate(policy, stage, scenario(Scenario.MARGINAL, 180), THREE_HOURS);

        assertThat(evaluation.decision()).isEqualTo(Decision.HOLD);
        assertThat(evaluation.scoreClass()).isEqualTo(ScoreClass.MARGINAL);
        assertThat(evaluation.reasons()).contains("SCORE_MARGINAL");
    }

    @Test
    void aMarginalCanaryRollsBackWhenTheStageNeverAsksForApproval() {
        StageEvaluation evaluation = evaluator.evaluate(policy, withApproval(stage, ApprovalMode.NEVER),
                scenario(Scenario.MARGINAL, 180), THREE_HOURS);

        assertThat(evaluation.decision()).isEqualTo(Decision.ROLLBACK);
        assertThat(evaluation.reasons()).contains(ReasonCode.MARGINAL_WITHOUT_APPROVAL.name());
    }

    @Test
    void lowTrafficHoldsForLackOfDataInsteadOfPromotingOrRollingBack() {
        StageEvaluation evaluation = evaluator.evaluate(policy, stage, scenario(Scenario.LOW_TRAFFIC, 180),
                THREE_HOURS);

        assertThat(evaluation.decision()).isEqualTo(Decision.HOLD);
        assertThat(evaluation.reasons()).contains(ReasonCode.INSUFFICIENT_DATA.name()).doesNotContain("SCORE_FAIL");
    }

    @Test
    void sustainedOverloadRollsBackButAnIsolatedBlipDoesNot() {
        List<MetricWindow> windows = new ArrayList<>();
        for (MetricWindow w : scenario(Scenario.HEALTHY, 20)) {
            int minute = (int) Duration.between(WindowFixture.START, w.windowStart()).toMinutes();
            boolean overloaded = w.variant() == Variant.CANARY && (minute == 2 || (minute >= 10 && minute < 15));
            windows.add(WindowFixture.withCodes(w, Map.of("pool_overloaded", overloaded ? 4L : 0L), 0, 0));
        }

        StageEvaluation evaluation = evaluator.checkTriggers(policy, stage, windows, Duration.ofMinutes(20));

        assertThat(evaluation.decision()).isEqualTo(Decision.ROLLBACK);
        assertThat(evaluation.reasons()).containsExactly("TRIGGER_OVERLOAD_SUSTAINED");
        assertThat(evaluation.decidedAt()).isEqualTo(WindowFixture.START.plusSeconds(14 * 60));
    }

    @Test
    void anApprovalBacklogAboveItsLimitRollsBack() {
        List<MetricWindow> windows = new ArrayList<>(scenario(Scenario.HEALTHY, 10));
        MetricWindow last = windows.remove(windows.size() - 1);
        windows.add(WindowFixture.withCodes(last, Map.of(), 21, 0));

        StageEvaluation evaluation = evaluator.checkTriggers(policy, stage, windows, Duration.ofMinutes(10));

        assertThat(evaluation.reasons()).containsExactly("TRIGGER_APPROVAL_BACKLOG");
    }

    @Test
    void anyCriticalIncidentRollsBackEvenWithoutConfiguredTriggers() {
        Stage quiet = new Stage("full", StageType.FULL, 100, Duration.ofHours(1), stage.pause(), stage.analysis(),
                new PromotionGate(false, false, false, Optional.empty(), true), RollbackTriggers.none(),
                ApprovalMode.ON_MARGINAL);
        List<MetricWindow> windows = new ArrayList<>(scenario(Scenario.HEALTHY, 10));
        MetricWindow last = windows.remove(windows.size() - 1);
        windows.add(WindowFixture.withCodes(last, Map.of(), 0, 1));

        StageEvaluation evaluation = evaluator.evaluate(JudgePolicyFixture.policy(quiet), quiet, windows,
                Duration.ofHours(2));

        assertThat(evaluation.decision()).isEqualTo(Decision.ROLLBACK);
        assertThat(evaluation.reasons()).containsExactly("TRIGGER_CRITICAL_INCIDENT");
    }

    @Test
    void aShadowStageComparesShadowWindowsWithTheBaseline() {
        RollbackTriggers shadowTriggers = new RollbackTriggers(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(2.0), Optional.of(2.0), 0.01);
        Stage shadow = new Stage("shadow", StageType.SHADOW, 0, Duration.ofMinutes(30), stage.pause(),
                stage.analysis(), new PromotionGate(true, false, false, Optional.empty(), true), shadowTriggers,
                ApprovalMode.ON_MARGINAL);
        List<MetricWindow> windows = ScenarioGenerator.generate(ScenarioSpec.of(Scenario.HEALTHY, 2,
                WindowFixture.START).withMinutes(30).withCandidate(Variant.SHADOW));

        StageEvaluation evaluation = evaluator.evaluate(JudgePolicyFixture.policy(shadow), shadow, windows,
                Duration.ofMinutes(30));

        assertThat(evaluation.decision()).isEqualTo(Decision.PROMOTE);
        assertThat(evaluation.triggers()).extracting(TriggerResult::trigger).contains(
                TriggerKind.PARSE_FAILURE_RATIO, TriggerKind.SAFETY_DENY_RATIO);
        assertThat(evaluation.triggers()).filteredOn(t -> t.trigger() == TriggerKind.PARSE_FAILURE_RATIO)
                .singleElement().satisfies(t -> assertThat(t.detail()).contains("30 paired windows"));
    }

    @Test
    void stableLatencyAndDenyRateGatesHoldASlowCanaryAtTheEnd() {
        Stage canary2 = withGate(new Stage("canary-2", StageType.CANARY, 50, Duration.ofHours(1), stage.pause(),
                        stage.analysis(), stage.gate(), new RollbackTriggers(Optional.empty(), Optional.empty(),
                        Optional.of(new OverloadTrigger(OverloadTrigger.DEFAULT_CODES, Duration.ofMinutes(5))),
                        Optional.empty(), Optional.empty(), Optional.empty(), 0.01), ApprovalMode.ON_MARGINAL),
                new PromotionGate(false, false, true, Optional.of(0.03), false));

        StageEvaluation slow = evaluator.evaluate(JudgePolicyFixture.policy(canary2), canary2,
                scenario(Scenario.LATENCY_PLUS_20, 60), Duration.ofHours(1));
        StageEvaluation healthy = evaluator.evaluate(JudgePolicyFixture.policy(canary2), canary2,
                scenario(Scenario.HEALTHY, 60), Duration.ofHours(1));

        assertThat(slow.decision()).isEqualTo(Decision.HOLD);
        assertThat(slow.reasons()).contains(ReasonCode.LATENCY_UNSTABLE.name());
        assertThat(healthy.decision()).isEqualTo(Decision.PROMOTE);
        assertThat(healthy.gates()).extracting(GateCheck::gate).contains("stable_latency", "max_policy_deny_rate");
    }

    @Test
    void alphaIsSharedByEveryRatioTestOfTheRolloutButAFullStageSpendsNone() {
        Stage full = new Stage("full", StageType.FULL, 100, Duration.ofHours(1), stage.pause(), stage.analysis(),
                new PromotionGate(false, false, false, Optional.empty(), true),
                new RollbackTriggers(Optional.of(2.0), Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.empty(), Optional.empty(), 0.01), ApprovalMode.NEVER);
        RolloutPolicy twoStages = new RolloutPolicy("p", policy.driver(), List.of(stage, full), policy.preflight(),
                policy.metrics(), policy.groupWeights(), List.of());
        List<MetricWindow> windows = scenario(Scenario.HEALTHY, 10);

        StageEvaluation canary = evaluator.checkTriggers(twoStages, stage, windows, Duration.ofMinutes(10));
        StageEvaluation atFull = evaluator.checkTriggers(twoStages, full, windows, Duration.ofMinutes(10));

        // canary-1 runs the error-ratio and deny-rate tests; the full stage's ratio test cannot run: 0.01 / 2.
        assertThat(canary.triggers()).filteredOn(t -> t.trigger() == TriggerKind.ERROR_RATE_RATIO).singleElement()
                .satisfies(t -> assertThat(t.detail()).contains("alpha 0.005"));
        assertThat(atFull.triggers()).extracting(TriggerResult::trigger)
                .doesNotContain(TriggerKind.ERROR_RATE_RATIO);
    }

    @Test
    void atFullTrafficTheTriggersNeedNoBaselineAndAnswerTheSameWithoutIt() {
        Stage full = new Stage("full", StageType.FULL, 100, Duration.ofHours(24), stage.pause(), stage.analysis(),
                stage.gate(), stage.triggers(), ApprovalMode.NEVER);
        RolloutPolicy twoStages = new RolloutPolicy("p", policy.driver(), List.of(stage, full), policy.preflight(),
                policy.metrics(), policy.groupWeights(), List.of());
        List<MetricWindow> windows = scenario(Scenario.OVERLOAD_BURSTS, 180);
        List<MetricWindow> candidateOnly = windows.stream().filter(w -> w.variant() == Variant.CANARY).toList();

        StageEvaluation withBaseline = evaluator.checkTriggers(twoStages, full, windows, THREE_HOURS);
        StageEvaluation without = evaluator.checkTriggers(twoStages, full, candidateOnly, THREE_HOURS);

        assertThat(StageEvaluator.triggersUseBaseline(twoStages, stage)).isTrue();
        assertThat(StageEvaluator.triggersUseBaseline(twoStages, full)).isFalse();
        assertThat(withBaseline.decision()).isEqualTo(Decision.ROLLBACK);
        assertThat(without.decision()).isEqualTo(withBaseline.decision());
        assertThat(without.decidedAt()).isEqualTo(withBaseline.decidedAt());
        assertThat(without.triggers()).isEqualTo(withBaseline.triggers());
    }

    @Test
    void aStageWithOnlyAbsoluteTriggersNeedsNoBaselineEvenBelowFullTraffic() {
        Stage absolute = new Stage(stage.name(), stage.type(), stage.weight(), stage.minDuration(), stage.pause(),
                stage.analysis(), stage.gate(), new RollbackTriggers(Optional.empty(), Optional.of(0.03),
                stage.triggers().overload(), stage.triggers().maxApprovalBacklog(), Optional.empty(),
                Optional.empty(), 0.01), stage.approval());

        assertThat(StageEvaluator.triggersUseBaseline(JudgePolicyFixture.policy(absolute), absolute)).isFalse();
    }

    @Test
    void theDenyRateGateUsesAnUpperBoundSoAThinSampleNearTheLimitDoesNotPass() {
        assertThat(StageEvaluator.wilsonUpper(29, 1000, 1.6449)).isGreaterThan(0.03);
        assertThat(StageEvaluator.wilsonUpper(100, 100_000, 1.6449)).isLessThan(0.03);
    }

    @Test
    void evaluationsSerialiseToJson() throws Exception {
        StageEvaluation evaluation = evaluator.evaluate(policy, stage, scenario(Scenario.HEALTHY, 60),
                Duration.ofHours(1));
        JsonMapper mapper = JsonMapper.builder().addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

        JsonNode json = mapper.readTree(mapper.writeValueAsString(evaluation));

        assertThat(json.get("decision").asText()).isEqualTo("CONTINUE");
        assertThat(json.get("decidedAt").asText()).isEqualTo("2026-11-27T10:59:00Z");
        assertThat(json.get("metrics").get(0).get("test").get("pValue").isNumber()).isTrue();
        assertThat(json.get("triggers")).isNotEmpty();
    }
}
