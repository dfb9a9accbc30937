package dev.rollgate.core.simulation;

import dev.rollgate.core.metrics.CustomMetricValue;
import dev.rollgate.core.metrics.MetricWindow;
import dev.rollgate.core.metrics.Variant;
import dev.rollgate.core.metrics.WindowParser;
import dev.rollgate.core.metrics.WindowWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ScenarioGeneratorTest {
    private static final Instant START = Instant.parse("2026-11-27T10:00:00Z");

    private static double rate(List<MetricWindow> windows, Variant variant, boolean errors) {
        long events = windows.stream().filter(w -> w.variant() == variant)
                .mapToLong(w -> errors ? w.errors() : w.policyDenies()).sum();
        long volume = windows.stream().filter(w -> w.variant() == variant)
                .mapToLong(w -> errors ? w.requests() : w.policyEvaluations()).sum();
        return (double) events / volume;
    }

    @Test
    void theSameSpecGivesTheSameWindows() {
        ScenarioSpec spec = ScenarioSpec.of(Scenario.HEALTHY, 99, START).withPhi(0.6);

        assertThat(ScenarioGenerator.generate(spec)).isEqualTo(ScenarioGenerator.generate(spec));
        assertThat(ScenarioGenerator.generate(spec)).isNotEqualTo(ScenarioGenerator.generate(spec.withSeed(100)));
    }

    @ParameterizedTest
    @EnumSource(Scenario.class)
    void everyScenarioProducesValidOneMinuteWindowsForBothVariants(Scenario scenario) {
        List<MetricWindow> windows = ScenarioGenerator.generate(ScenarioSpec.of(scenario, 1, START).withPhi(0.3));

        assertThat(windows).hasSize(2 * ScenarioSpec.DEFAULT_MINUTES);
        assertThat(windows.get(0).variant()).isEqualTo(Variant.BASELINE);
        assertThat(windows.get(1).variant()).isEqualTo(Variant.CANARY);
        assertThat(windows.get(windows.size() - 1).windowStart()).isEqualTo(START.plusSeconds(179 * 60));
        var reparsed = new WindowParser().parse(new WindowWriter().toJsonLines(windows));
        assertThat(reparsed.rejections()).isEmpty();
        assertThat(reparsed.windows()).hasSize(windows.size());
    }

    @Test
    void theErrorScenarioDoublesTheCanaryErrorRate() {
        List<MetricWindow> windows = ScenarioGenerator.generate(ScenarioSpec.of(Scenario.ERROR_RATE_DOUBLED, 2, START));

        assertThat(rate(windows, Variant.BASELINE, true)).isCloseTo(0.005, within(0.0015));
        assertThat(rate(windows, Variant.CANARY, true)).isCloseTo(0.010, within(0.003));
    }

    @Test
    void denyDriftEndsNearThreePercent() {
        List<MetricWindow> late = ScenarioGenerator.generate(ScenarioSpec.of(Scenario.DENY_DRIFT, 2, START)).stream()
                .filter(w -> !w.windowStart().isBefore(START.plusSeconds(120 * 60))).toList();

        assertThat(rate(late, Variant.CANARY, false)).isCloseTo(0.03, within(0.008));
        assertThat(rate(late, Variant.BASELINE, false)).isCloseTo(0.01, within(0.004));
    }

    @Test
    void lowTrafficHasAboutTwentyRequestsAMinute() {
        List<MetricWindow> windows = ScenarioGenerator.generate(ScenarioSpec.of(Scenario.LOW_TRAFFIC, 2, START));

        double mean = windows.stream().mapToLong(MetricWindow::requests).average().orElseThrow();
        assertThat(mean).isCloseTo(20, within(2.0));
    }

    @Test
    void overloadBurstsAreOnTheCanaryAndTheTruthSaysWhenTheyStart() {
        SimulatedTraffic traffic = ScenarioGenerator.simulate(ScenarioSpec.of(Scenario.OVERLOAD_BURSTS, 2, START));

        Instant onset = traffic.regressionStart().orElseThrow();
        assertThat(traffic.windows()).filteredOn(w -> w.windowStart().equals(onset) && w.variant() == Variant.CANARY)
                .singleElement().satisfies(w -> assertThat(w.reasonCodes().get("pool_overloaded")).isGreaterThan(4));
        assertThat(ScenarioGenerator.simulate(ScenarioSpec.of(Scenario.HEALTHY, 2, START)).regressionStart()).isEmpty();
    }

    @Test
    void agentQualityFamiliesAreOptInAndTheQualityScenariosMoveThem() {
        List<MetricWindow> plain = ScenarioGenerator.generate(ScenarioSpec.of(Scenario.HEALTHY, 4, START));
        List<MetricWindow> drop = ScenarioGenerator.generate(ScenarioSpec.of(Scenario.EVAL_SCORE_DROP, 4, START));
        List<MetricWindow> rejects = ScenarioGenerator.generate(
                ScenarioSpec.of(Scenario.TOOL_CALL_REJECTIONS_RISE, 4, START));

        assertThat(plain).allSatisfy(w -> assertThat(w.custom()).isEmpty());
        assertThat(meanScore(drop, Variant.BASELINE) - meanScore(drop, Variant.CANARY)).isCloseTo(0.05, within(0.01));
        assertThat(rejectionRate(rejects, Variant.BASELINE)).isCloseTo(0.005, within(0.002));
        assertThat(rejectionRate(rejects, Variant.CANARY)).isCloseTo(0.02, within(0.005));
    }

    @Test
    void theFloorScenariosMoveTheEvalScoreOfBothVariantsOrOfTheCanaryBelowTheFloor() {
        List<MetricWindow> near = ScenarioGenerator.generate(
                ScenarioSpec.of(Scenario.EVAL_SCORE_NEAR_FLOOR, 4, START));
        List<MetricWindow> below = ScenarioGenerator.generate(
                ScenarioSpec.of(Scenario.EVAL_SCORE_BELOW_FLOOR, 4, START));

        assertThat(meanScore(near, Variant.BASELINE)).isCloseTo(0.77, within(0.01));
        assertThat(meanScore(near, Variant.CANARY)).isCloseTo(0.77, within(0.01));
        assertThat(meanScore(below, Variant.BASELINE)).isCloseTo(0.82, within(0.01));
        assertThat(meanScore(below, Variant.CANARY)).isCloseTo(0.72, within(0.01));
    }

    private static double meanScore(List<MetricWindow> windows, Variant variant) {
        return windows.stream().filter(w -> w.variant() == variant)
                .map(w -> (CustomMetricValue.ScoreSummary) w.custom().get("eval_score"))
                .mapToDouble(CustomMetricValue.ScoreSummary::mean).average().orElseThrow();
    }

    private static double rejectionRate(List<MetricWindow> windows, Variant variant) {
        long events = 0;
        long total = 0;
        for (MetricWindow w : windows) {
            if (w.variant() == variant) {
                CustomMetricValue.CountPair pair = (CustomMetricValue.CountPair) w.custom().get("tool_call_rejections");
                events += pair.events();
                total += pair.total();
            }
        }
        return (double) events / total;
    }

    @Test
    void aShadowCandidateIsLabelledShadow() {
        List<MetricWindow> windows = ScenarioGenerator.generate(
                ScenarioSpec.of(Scenario.HEALTHY, 2, START).withMinutes(3).withCandidate(Variant.SHADOW));

        assertThat(windows).extracting(MetricWindow::variant)
                .containsOnly(Variant.BASELINE, Variant.SHADOW);
    }
}
