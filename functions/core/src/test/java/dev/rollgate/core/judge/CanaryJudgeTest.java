package dev.rollgate.core.judge;

import dev.rollgate.core.metrics.MetricWindow;
import dev.rollgate.core.metrics.Variant;
import dev.rollgate.core.policy.Direction;
import dev.rollgate.core.policy.MetricSpec;
import dev.rollgate.core.policy.ScoreThresholds;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class CanaryJudgeTest {
    private final CanaryJudge judge = new CanaryJudge(JudgeSettings.DEFAULT);

    /** 60 minutes; canary latency scaled by {@code latencyFactor}, errors per minute as given. */
    private static List<List<MetricWindow>> traffic(int minutes, double latencyFactor, int baselineErrors,
                                                    int canaryErrors) {
        SplittableRandom random = new SplittableRandom(3);
        List<MetricWindow> baseline = new ArrayList<>();
        List<MetricWindow> canary = new ArrayList<>();
        for (int m = 0; m < minutes; m++) {
            baseline.add(WindowFixture.window(Variant.BASELINE, m, 1000, baselineErrors + random.nextInt(3),
                    100 + 10 * random.nextGaussian()));
            canary.add(WindowFixture.window(Variant.CANARY, m, 1000, canaryErrors + random.nextInt(3),
                    (100 + 10 * random.nextGaussian()) * latencyFactor));
        }
        return List.of(baseline, canary);
    }

    private static MetricSpec spec(String name, Direction direction, boolean critical, String group, double effect) {
        return new MetricSpec(name, direction, critical, 1, group, effect);
    }

    private JudgeResult judge(List<MetricSpec> specs, Map<String, Double> groups, List<List<MetricWindow>> t) {
        return judge.judge(specs, groups, 50, ScoreThresholds.DEFAULT, t.get(0), t.get(1));
    }

    @Test
    void aCanaryLikeItsBaselinePassesEveryMetric() {
        JudgeResult result = judge(JudgePolicyFixture.metrics(), JudgePolicyFixture.groupWeights(),
                traffic(60, 1.0, 5, 5));

        assertThat(result.metrics()).allSatisfy(m -> assertThat(m.outcome()).isEqualTo(MetricOutcome.PASS));
        assertThat(result.score()).isEqualTo(100.0);
        assertThat(result.scoreClass()).isEqualTo(ScoreClass.PASS);
    }

    @Test
    void aShiftBeyondTheAllowedEffectFailsAndIsExplained() {
        JudgeResult result = judge(List.of(spec("latency_p50", Direction.INCREASE, false, "latency", 0.1)), Map.of(),
                traffic(60, 1.3, 5, 5));

        MetricResult latency = result.metrics().get(0);
        assertThat(latency.outcome()).isEqualTo(MetricOutcome.FAIL);
        assertThat(latency.shift()).isEqualTo(ShiftClass.HIGH);
        assertThat(latency.test().lower()).isGreaterThan(latency.tolerance());
        assertThat(latency.explanation()).contains("latency_p50", "canary median", "98% CI", "allowed", "FAIL");
    }

    @Test
    void aShiftWithinTheAllowedEffectPasses() {
        JudgeResult result = judge(List.of(spec("latency_p50", Direction.INCREASE, false, "latency", 0.5)), Map.of(),
                traffic(60, 1.3, 5, 5));

        assertThat(result.metrics().get(0).outcome()).isEqualTo(MetricOutcome.PASS);
        assertThat(result.metrics().get(0).shift()).isEqualTo(ShiftClass.NONE);
    }

    @Test
    void directionDecidesWhetherAShiftIsWorse() {
        List<List<MetricWindow>> slower = traffic(60, 1.3, 5, 5);

        MetricResult increase = judge(List.of(spec("latency_p50", Direction.INCREASE, false, "l", 0.1)), Map.of(),
                slower).metrics().get(0);
        MetricResult decrease = judge(List.of(spec("latency_p50", Direction.DECREASE, false, "l", 0.1)), Map.of(),
                slower).metrics().get(0);
        MetricResult either = judge(List.of(spec("latency_p50", Direction.EITHER, false, "l", 0.1)), Map.of(),
                slower).metrics().get(0);

        assertThat(increase.outcome()).isEqualTo(MetricOutcome.FAIL);
        assertThat(decrease.outcome()).isEqualTo(MetricOutcome.PASS);
        assertThat(decrease.shift()).isEqualTo(ShiftClass.HIGH);
        assertThat(either.outcome()).isEqualTo(MetricOutcome.FAIL);
    }

    @Test
    void fewerPointsThanTheMinimumIsNoDataAndNeverPasses() {
        JudgeResult result = judge(JudgePolicyFixture.metrics(), JudgePolicyFixture.groupWeights(),
                traffic(49, 1.0, 5, 5));

        assertThat(result.metrics()).allSatisfy(m -> assertThat(m.outcome()).isEqualTo(MetricOutcome.NO_DATA));
        assertThat(result.score()).isZero();
        assertThat(result.scoreIfDataPassed()).isEqualTo(100.0);
        assertThat(result.anyMissing()).isTrue();
    }

    @Test
    void windowsWithTooFewRequestsAreNotDataPoints() {
        List<MetricWindow> baseline = new ArrayList<>();
        List<MetricWindow> canary = new ArrayList<>();
        for (int m = 0; m < 60; m++) {
            baseline.add(WindowFixture.window(Variant.BASELINE, m, 99, 0, 100));
            canary.add(WindowFixture.window(Variant.CANARY, m, 99, 0, 100));
        }

        JudgeResult result = judge.judge(JudgePolicyFixture.metrics(), Map.of(), 50, ScoreThresholds.DEFAULT,
                baseline, canary);

        assertThat(result.metrics()).allSatisfy(m -> {
            assertThat(m.outcome()).isEqualTo(MetricOutcome.NO_DATA);
            assertThat(m.explanation()).contains("at least 100 requests");
        });
    }

    @Test
    void aFailingCriticalMetricZeroesTheScore() {
        List<MetricSpec> specs = List.of(spec("error_rate", Direction.INCREASE, true, "errors", 0.25),
                spec("latency_p50", Direction.INCREASE, false, "latency", 0.1),
                spec("latency_p90", Direction.INCREASE, false, "latency", 0.1));

        JudgeResult result = judge(specs, Map.of(), traffic(60, 1.0, 5, 20));

        assertThat(result.criticalFailure()).isTrue();
        assertThat(result.score()).isZero();
        assertThat(result.scoreClass()).isEqualTo(ScoreClass.FAIL);
    }

    @Test
    void groupWeightsDecideHowMuchAFailingMetricCosts() {
        List<MetricSpec> specs = List.of(spec("error_rate", Direction.INCREASE, false, "errors", 0.25),
                spec("latency_p50", Direction.INCREASE, false, "latency", 0.1),
                spec("latency_p90", Direction.INCREASE, false, "latency", 0.1));
        List<List<MetricWindow>> worseErrors = traffic(60, 1.0, 5, 20);

        JudgeResult heavyErrors = judge(specs, Map.of("errors", 3.0, "latency", 1.0), worseErrors);
        JudgeResult lightErrors = judge(specs, Map.of("errors", 1.0, "latency", 3.0), worseErrors);

        assertThat(heavyErrors.score()).isEqualTo(25.0);
        assertThat(lightErrors.score()).isEqualTo(75.0);
        assertThat(lightErrors.scoreClass()).isEqualTo(ScoreClass.MARGINAL);
        assertThat(heavyErrors.metrics().get(1).effectiveWeight()).isEqualTo(0.5);
    }

    @Test
    void aFailedComputationIsAnErrorForThatMetricOnly() {
        List<MetricSpec> specs = List.of(spec("latency_p50", Direction.INCREASE, false, "latency", Double.NaN),
                spec("latency_p90", Direction.INCREASE, false, "latency", 0.1));

        JudgeResult result = judge(specs, Map.of(), traffic(60, 1.0, 5, 5));

        assertThat(result.metrics().get(0).outcome()).isEqualTo(MetricOutcome.ERROR);
        assertThat(result.metrics().get(0).explanation()).contains("computation failed");
        assertThat(result.metrics().get(1).outcome()).isEqualTo(MetricOutcome.PASS);
        assertThat(result.score()).isEqualTo(50.0);
    }

    @Test
    void anUnknownMetricHasNoDataRatherThanAPass() {
        JudgeResult result = judge(List.of(spec("tool_success", Direction.DECREASE, false, "quality", 0.1)),
                Map.of(), traffic(60, 1.0, 5, 5));

        assertThat(result.metrics().get(0).outcome()).isEqualTo(MetricOutcome.NO_DATA);
    }
}
