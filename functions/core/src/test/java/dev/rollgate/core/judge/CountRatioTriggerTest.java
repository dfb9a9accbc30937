package dev.rollgate.core.judge;

import dev.rollgate.core.metrics.MetricWindow;
import dev.rollgate.core.metrics.Variant;
import dev.rollgate.core.policy.CustomMetricSpec;
import dev.rollgate.core.policy.Direction;
import dev.rollgate.core.policy.MetricSpec;
import dev.rollgate.core.policy.RollbackTriggers;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The comparative sequential test of judged count families (issue 12), canary rate against baseline rate. */
class CountRatioTriggerTest {
    private static final CustomMetricSpec COUNT = new CustomMetricSpec(CountFamilyFixture.FAMILY,
            CustomMetricSpec.Kind.COUNT, Optional.empty(), Optional.empty());
    private static final CustomMetricSpec SCORE = new CustomMetricSpec("eval_score", CustomMetricSpec.Kind.SCORE,
            Optional.empty(), Optional.empty());

    private static MetricSpec judged(String name, Direction direction, double effect) {
        return new MetricSpec(name, direction, false, 1, "quality", effect);
    }

    private static TriggerResult run(Direction direction, double effect, double baselineRate, double canaryRate,
                                     long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<MetricWindow> baseline = CountFamilyFixture.windows(Variant.BASELINE, random, 60, 4000, baselineRate);
        List<MetricWindow> canary = CountFamilyFixture.windows(Variant.CANARY, random, 60, 400, canaryRate);
        List<CountRatioTest> tests = CountRatioTest.of(List.of(COUNT),
                List.of(judged(CountFamilyFixture.FAMILY, direction, effect)));
        return new TriggerEvaluator().evaluate(RollbackTriggers.none(), List.of(COUNT), tests, baseline, canary,
                        0.005).stream()
                .filter(t -> t.trigger() == TriggerKind.CUSTOM_METRIC_RATIO).findFirst().orElseThrow();
    }

    @Test
    void anIncreaseFamilyIsTestedAgainstOnePlusItsAllowedEffectLikeTheErrorRateDelta() {
        assertThat(CountRatioTest.of(List.of(COUNT), List.of(judged(CountFamilyFixture.FAMILY, Direction.INCREASE,
                0.25)))).containsExactly(new CountRatioTest(CountFamilyFixture.FAMILY, Direction.INCREASE, 1.25));
    }

    @Test
    void aDecreaseFamilyIsTestedBelowOneMinusItsAllowedEffectAndEitherGetsBothSides() {
        assertThat(CountRatioTest.of(List.of(COUNT), List.of(judged(CountFamilyFixture.FAMILY, Direction.DECREASE,
                0.2)))).containsExactly(new CountRatioTest(CountFamilyFixture.FAMILY, Direction.DECREASE, 0.8));
        assertThat(CountRatioTest.of(List.of(COUNT), List.of(judged(CountFamilyFixture.FAMILY, Direction.EITHER,
                0.5)))).extracting(CountRatioTest::worse).containsExactly(Direction.INCREASE, Direction.DECREASE);
    }

    @Test
    void aDecreaseThatCannotHappenScoreFamiliesAndUnjudgedFamiliesGetNoTest() {
        assertThat(CountRatioTest.of(List.of(COUNT), List.of(judged(CountFamilyFixture.FAMILY, Direction.DECREASE,
                1.0)))).isEmpty();
        assertThat(CountRatioTest.of(List.of(SCORE), List.of(judged("eval_score", Direction.INCREASE, 0.1))))
                .isEmpty();
        assertThat(CountRatioTest.of(List.of(COUNT), List.of(judged("error_rate", Direction.INCREASE, 0.1))))
                .isEmpty();
    }

    @Test
    void aDoubledRejectionRateFiresAndTheExplanationNamesTheMetric() {
        TriggerResult result = run(Direction.INCREASE, 0.25, 0.01, 0.02, 7);

        assertThat(result.fired()).isTrue();
        assertThat(result.threshold()).isEqualTo(1.25);
        assertThat(result.observed()).isBetween(1.6, 2.5);
        assertThat(result.detail()).startsWith("tool_call_rejections rate ratio canary/baseline")
                .contains("against ratios >= 1.25").contains("FIRED");
    }

    @Test
    void equalRatesDoNotFire() {
        TriggerResult result = run(Direction.INCREASE, 0.25, 0.01, 0.01, 8);

        assertThat(result.fired()).as(result.detail()).isFalse();
        assertThat(result.evidence()).isLessThan(200.0);
    }

    @Test
    void aDecreaseFamilyFiresWhenTheCanaryRateFallsAndNotWhenItRises() {
        TriggerResult fell = run(Direction.DECREASE, 0.2, 0.10, 0.05, 9);
        TriggerResult rose = run(Direction.DECREASE, 0.2, 0.10, 0.20, 9);

        assertThat(fell.fired()).isTrue();
        assertThat(fell.observed()).isBetween(0.35, 0.65);
        assertThat(fell.detail()).contains("against ratios <= 0.8").contains("direction decrease");
        assertThat(rose.fired()).isFalse();
        assertThat(rose.observed()).isGreaterThan(1.5);
    }

    @Test
    void windowsWhereOneVariantLacksTheFamilyAreNotPaired() {
        SplittableRandom random = new SplittableRandom(1);
        List<MetricWindow> baseline = CountFamilyFixture.windows(Variant.BASELINE, random, 10, 4000, 0.01);
        List<MetricWindow> canary = CountFamilyFixture.windows(Variant.CANARY, random, 20, 400, 0.05).subList(10, 20);
        List<CountRatioTest> tests = List.of(new CountRatioTest(CountFamilyFixture.FAMILY, Direction.INCREASE, 1.25));

        TriggerResult result = new TriggerEvaluator().evaluate(RollbackTriggers.none(), List.of(COUNT), tests,
                baseline, canary, 0.005).stream().filter(t -> t.trigger() == TriggerKind.CUSTOM_METRIC_RATIO)
                .findFirst().orElseThrow();

        assertThat(result.fired()).isFalse();
        assertThat(result.observed()).isNull();
        assertThat(result.detail()).contains("over 0 paired windows");
    }
}
