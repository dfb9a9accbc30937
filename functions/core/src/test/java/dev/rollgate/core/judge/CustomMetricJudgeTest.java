package dev.rollgate.core.judge;

import dev.rollgate.core.metrics.CustomMetricValue;
import dev.rollgate.core.metrics.LatencyQuantiles;
import dev.rollgate.core.metrics.MetricWindow;
import dev.rollgate.core.metrics.Variant;
import dev.rollgate.core.metrics.WindowRouting;
import dev.rollgate.core.policy.CustomMetricSpec;
import dev.rollgate.core.policy.Direction;
import dev.rollgate.core.policy.MetricSpec;
import dev.rollgate.core.policy.PolicyParseResult;
import dev.rollgate.core.policy.PolicyParser;
import dev.rollgate.core.policy.RollbackTriggers;
import dev.rollgate.core.policy.RolloutPolicy;
import dev.rollgate.core.policy.ScoreThresholds;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** Custom agent-quality families (issue 12): judged like built-in metrics, thresholds as sequential triggers. */
class CustomMetricJudgeTest {
    private final CanaryJudge judge = new CanaryJudge(JudgeSettings.DEFAULT);

    private static MetricWindow window(Variant variant, int minute, Map<String, CustomMetricValue> custom) {
        return new MetricWindow(variant, WindowFixture.START.plusSeconds(60L * minute), 60, 1000, 5,
                Optional.of(new LatencyQuantiles(100, 200, 400)), 1000, 10, 0, 0, 0, 0, Map.of(), 0, custom,
                WindowRouting.NONE);
    }

    /** eval_score mean around {@code scoreMean}; tool-call rejections at {@code rejectRate} of 400 calls. */
    private static List<MetricWindow> windows(Variant variant, int minutes, double scoreMean, double rejectRate,
                                              long seed, boolean skipEveryOtherScore) {
        SplittableRandom random = new SplittableRandom(seed);
        List<MetricWindow> out = new ArrayList<>();
        for (int m = 0; m < minutes; m++) {
            Map<String, CustomMetricValue> custom = new HashMap<>();
            double mean = scoreMean + 0.02 * random.nextGaussian();
            if (!skipEveryOtherScore || m % 2 == 0) {
                custom.put("eval_score", new CustomMetricValue.ScoreSummary(200, mean, mean - 0.2, mean, mean + 0.1));
            }
            long events = Math.round(400 * rejectRate + Math.sqrt(400 * rejectRate) * random.nextGaussian());
            custom.put("tool_call_rejections", new CustomMetricValue.CountPair(Math.max(0, events), 400));
            out.add(window(variant, m, custom));
        }
        return out;
    }

    private static final MetricSpec EVAL = new MetricSpec("eval_score", Direction.DECREASE, false, 1, "quality",
            0.02);
    private static final MetricSpec REJECTS = new MetricSpec("tool_call_rejections", Direction.INCREASE, false, 1,
            "quality", 0.25);

    @Test
    void aDroppingEvalScoreFailsAndIsNamedInTheExplanation() {
        JudgeResult result = judge.judge(List.of(EVAL, REJECTS), Map.of(), 50, ScoreThresholds.DEFAULT,
                windows(Variant.BASELINE, 60, 0.85, 0.005, 1, false), windows(Variant.CANARY, 60, 0.80, 0.005, 2, false));

        assertThat(result.metrics().get(0).outcome()).isEqualTo(MetricOutcome.FAIL);
        assertThat(result.metrics().get(0).shift()).isEqualTo(ShiftClass.LOW);
        assertThat(result.metrics().get(0).explanation()).startsWith("eval_score:");
        assertThat(result.metrics().get(1).outcome()).isEqualTo(MetricOutcome.PASS);
    }

    @Test
    void aFailingCriticalCustomMetricZeroesTheScore() {
        MetricSpec critical = new MetricSpec("eval_score", Direction.DECREASE, true, 1, "quality", 0.02);

        JudgeResult result = judge.judge(List.of(critical, REJECTS), Map.of(), 50, ScoreThresholds.DEFAULT,
                windows(Variant.BASELINE, 60, 0.85, 0.005, 1, false), windows(Variant.CANARY, 60, 0.80, 0.005, 2, false));

        assertThat(result.criticalFailure()).isTrue();
        assertThat(result.score()).isZero();
    }

    @Test
    void windowsWithoutTheFamilyAreMissingPointsNotZeros() {
        JudgeResult result = judge.judge(List.of(EVAL), Map.of(), 50, ScoreThresholds.DEFAULT,
                windows(Variant.BASELINE, 60, 0.85, 0.005, 1, true), windows(Variant.CANARY, 60, 0.85, 0.005, 2, true));

        assertThat(result.metrics().get(0).outcome()).isEqualTo(MetricOutcome.NO_DATA);
        assertThat(result.metrics().get(0).canaryPoints()).isEqualTo(30);
    }

    @Test
    void aCountFamilyAboveItsRollbackThresholdFiresItsSequentialTrigger() {
        CustomMetricSpec rejects = new CustomMetricSpec("tool_call_rejections", CustomMetricSpec.Kind.COUNT,
                Optional.of(0.01), Optional.empty());
        TriggerEvaluator triggers = new TriggerEvaluator();

        List<TriggerResult> bad = triggers.evaluate(RollbackTriggers.none(), List.of(rejects), List.of(),
                windows(Variant.CANARY, 60, 0.85, 0.02, 3, false), 0.005);
        List<TriggerResult> fine = triggers.evaluate(RollbackTriggers.none(), List.of(rejects), List.of(),
                windows(Variant.CANARY, 60, 0.85, 0.005, 3, false), 0.005);

        assertThat(bad).filteredOn(t -> t.trigger() == TriggerKind.CUSTOM_METRIC_THRESHOLD).singleElement()
                .satisfies(t -> {
                    assertThat(t.fired()).isTrue();
                    assertThat(t.detail()).startsWith("tool_call_rejections rate");
                });
        assertThat(fine).noneMatch(TriggerResult::fired);
    }

    @Test
    void aCountFamilyBelowItsFloorFiresAndAHealthyScoreAboveItsFloorDoesNot() {
        CustomMetricSpec success = new CustomMetricSpec("tool_call_rejections", CustomMetricSpec.Kind.COUNT,
                Optional.empty(), Optional.of(0.05));
        CustomMetricSpec eval = new CustomMetricSpec("eval_score", CustomMetricSpec.Kind.SCORE, Optional.empty(),
                Optional.of(0.7));

        List<TriggerResult> results = new TriggerEvaluator().evaluate(RollbackTriggers.none(), List.of(success, eval),
                List.of(), windows(Variant.CANARY, 60, 0.85, 0.01, 3, false), 0.005);

        assertThat(results.get(0).fired()).isTrue();
        assertThat(results.get(1).fired()).isFalse();
        assertThat(results.get(1).detail()).startsWith("eval_score mean 0.8").contains("'mean >= 0.7'");
        assertThat(results.get(1).observed()).isCloseTo(0.85, org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void aScoreFamilyBelowItsFloorRollsTheStageBackNamingTheMetric() {
        RolloutPolicy policy = ((PolicyParseResult.Valid) PolicyParser.parse("""
                name: quality
                metrics:
                  - {name: error_rate, direction: increase, allowed_effect: 0.25}
                custom_metrics:
                  - {name: eval_score, kind: score, direction: decrease, allowed_effect: 0.5, rollback_below: 0.7}
                stages:
                  - {name: canary, type: canary, weight: 10, duration: 3h, interval: 1h,
                     min_data_points_per_metric: 50, gates: {judge_score: true}}
                  - {name: full, type: full, duration: 1h}
                """)).policy();
        List<MetricWindow> all = new ArrayList<>(windows(Variant.BASELINE, 60, 0.72, 0.005, 1, false));
        all.addAll(windows(Variant.CANARY, 60, 0.66, 0.005, 2, false));

        StageEvaluation evaluation = new StageEvaluator().evaluate(policy, policy.stage(0), all,
                java.time.Duration.ofMinutes(60));

        assertThat(evaluation.decision()).isEqualTo(Decision.ROLLBACK);
        assertThat(evaluation.reasons()).contains(TriggerKind.CUSTOM_METRIC_THRESHOLD.reasonCode());
        assertThat(evaluation.triggers()).filteredOn(TriggerResult::fired).singleElement()
                .satisfies(t -> assertThat(t.detail()).startsWith("eval_score mean").contains("FIRED"));
        assertThat(evaluation.decidedAt()).isBefore(WindowFixture.START.plusSeconds(30 * 60));
    }
    private static final String REJECTIONS_POLICY = """
            name: quality
            metrics:
              - {name: error_rate, direction: increase, allowed_effect: 0.25}
            custom_metrics:
              - {name: tool_call_rejections, kind: count, direction: increase, allowed_effect: 0.25}
            stages:
              - {name: canary, type: canary, weight: 10, duration: 3h, interval: 1h,
                 min_data_points_per_metric: 50, gates: {judge_score: true},
                 rollback_triggers: {max_error_rate_delta: 2.0, alpha: 0.01}}
              - {name: full, type: full, duration: 1h}
            """;

    @Test
    void aCountFamilyWorseThanTheBaselineRollsTheStageBackThroughItsSequentialRatioTest() {
        RolloutPolicy policy = ((PolicyParseResult.Valid) PolicyParser.parse(REJECTIONS_POLICY)).policy();
        List<MetricWindow> all = new ArrayList<>(windows(Variant.BASELINE, 60, 0.85, 0.005, 1, false));
        all.addAll(windows(Variant.CANARY, 60, 0.85, 0.02, 2, false));

        StageEvaluation evaluation = new StageEvaluator().evaluate(policy, policy.stage(0), all,
                java.time.Duration.ofMinutes(60));

        assertThat(evaluation.decision()).isEqualTo(Decision.ROLLBACK);
        assertThat(evaluation.reasons()).containsExactly(TriggerKind.CUSTOM_METRIC_RATIO.reasonCode());
        assertThat(evaluation.triggers()).filteredOn(TriggerResult::fired).singleElement().satisfies(t -> {
            assertThat(t.detail()).startsWith("tool_call_rejections rate ratio canary/baseline").contains("FIRED");
            // three sequential tests in the rollout (canary: error ratio, default deny rate, rejections ratio; full: none)
            assertThat(t.detail()).contains("(alpha 0.00333");
        });
        assertThat(evaluation.decidedAt()).isBefore(WindowFixture.START.plusSeconds(30 * 60));
    }

    @Test
    void aCountFamilyAtTheBaselineRateDoesNotFireAndTheFullStageRunsNoRatioTest() {
        RolloutPolicy policy = ((PolicyParseResult.Valid) PolicyParser.parse(REJECTIONS_POLICY)).policy();
        List<MetricWindow> all = new ArrayList<>(windows(Variant.BASELINE, 60, 0.85, 0.01, 1, false));
        all.addAll(windows(Variant.CANARY, 60, 0.85, 0.01, 2, false));

        StageEvaluation canary = new StageEvaluator().checkTriggers(policy, policy.stage(0), all,
                java.time.Duration.ofMinutes(60));

        assertThat(canary.decision()).isEqualTo(Decision.CONTINUE);
        assertThat(canary.triggers()).filteredOn(t -> t.trigger() == TriggerKind.CUSTOM_METRIC_RATIO).hasSize(1);
        assertThat(StageEvaluator.sequentialTests(policy, policy.stage(0))).isEqualTo(3);
        assertThat(StageEvaluator.sequentialTests(policy, policy.stage(1))).isZero();
    }
}
