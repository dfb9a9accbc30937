package dev.rollgate.core.judge;

import dev.rollgate.core.metrics.LatencyQuantiles;
import dev.rollgate.core.metrics.MetricWindow;
import dev.rollgate.core.metrics.Variant;
import dev.rollgate.core.metrics.WindowParser;
import dev.rollgate.core.metrics.WindowRouting;
import dev.rollgate.core.metrics.WindowWriter;
import dev.rollgate.core.policy.Direction;
import dev.rollgate.core.policy.MetricSpec;
import dev.rollgate.core.policy.RollbackTriggers;
import dev.rollgate.core.policy.RolloutPolicy;
import dev.rollgate.core.policy.ScoreThresholds;
import dev.rollgate.core.policy.Stage;
import dev.rollgate.core.simulation.Scenario;
import dev.rollgate.core.simulation.ScenarioGenerator;
import dev.rollgate.core.simulation.ScenarioSpec;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The judge's invariants from the issue, over generated windows. Tries are bounded to keep the suite fast. */
class JudgeProperties {
    private static final Duration END_OF_STAGE = Duration.ofHours(3);
    private final StageEvaluator evaluator = new StageEvaluator();

    /** One minute of arbitrary but valid numbers. */
    private record Minute(long requests, double errorShare, double p50, double tail, long backlog) {
    }

    @Provide
    Arbitrary<List<Minute>> minutes() {
        Arbitrary<Minute> minute = Combinators.combine(
                Arbitraries.longs().between(0, 3000),
                Arbitraries.doubles().between(0, 0.2),
                Arbitraries.doubles().between(1, 2000),
                Arbitraries.doubles().between(1, 5),
                Arbitraries.longs().between(0, 20)).as(Minute::new);
        return minute.list().ofMinSize(1).ofMaxSize(120);
    }

    private static MetricWindow window(Variant variant, int index, Minute m) {
        long errors = Math.round(m.requests() * m.errorShare());
        Optional<LatencyQuantiles> latency = m.requests() == 0 ? Optional.empty()
                : Optional.of(new LatencyQuantiles(m.p50(), m.p50() * m.tail(), m.p50() * m.tail() * m.tail()));
        return new MetricWindow(variant, WindowFixture.START.plusSeconds(60L * index), 60, m.requests(), errors,
                latency, m.requests(), errors / 2, errors / 3, errors / 4, 0, m.backlog(), Map.of(), 0, Map.of(),
                WindowRouting.NONE);
    }

    /** Only comparative triggers: absolute limits (deny ceiling, backlog, incidents) ignore the baseline. */
    private static RolloutPolicy comparativePolicy() {
        Stage base = JudgePolicyFixture.canaryStage();
        RollbackTriggers comparative = new RollbackTriggers(Optional.of(2.0), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(2.0), Optional.of(2.0), 0.01);
        Stage stage = new Stage(base.name(), base.type(), base.weight(), base.minDuration(), base.pause(),
                base.analysis(), base.gate(), comparative, base.approval());
        return JudgePolicyFixture.policy(stage);
    }

    @Property(tries = 25)
    void identicalBaselineAndCanaryNeverRollBack(@ForAll("minutes") List<Minute> minutes) {
        List<MetricWindow> windows = new ArrayList<>();
        for (int i = 0; i < minutes.size(); i++) {
            windows.add(window(Variant.BASELINE, i, minutes.get(i)));
            windows.add(window(Variant.CANARY, i, minutes.get(i)));
        }
        RolloutPolicy policy = comparativePolicy();

        StageEvaluation evaluation = evaluator.evaluate(policy, policy.stage(0), windows, END_OF_STAGE);

        assertThat(evaluation.decision()).isNotEqualTo(Decision.ROLLBACK);
        assertThat(evaluation.metrics()).noneMatch(MetricResult::failing);
    }

    @Property(tries = 20)
    void fewerThanTheMinimumPointsNeverPromote(@ForAll @IntRange(min = 1, max = 49) int windowsPerVariant,
                                               @ForAll @LongRange(min = 0, max = 1000) long seed,
                                               @ForAll Scenario scenario) {
        RolloutPolicy policy = JudgePolicyFixture.canaryPolicy();
        List<MetricWindow> windows = ScenarioGenerator.generate(
                ScenarioSpec.of(scenario, seed, WindowFixture.START).withMinutes(windowsPerVariant));

        StageEvaluation evaluation = evaluator.evaluate(policy, policy.stage(0), windows, END_OF_STAGE);

        assertThat(evaluation.decision()).isNotEqualTo(Decision.PROMOTE);
    }

    @Property(tries = 25)
    void swappingCanaryAndBaselineMirrorsEveryShift(@ForAll("minutes") List<Minute> baselineMinutes,
                                                    @ForAll("minutes") List<Minute> canaryMinutes) {
        List<MetricWindow> baseline = new ArrayList<>();
        List<MetricWindow> canary = new ArrayList<>();
        List<MetricWindow> swappedBaseline = new ArrayList<>();
        List<MetricWindow> swappedCanary = new ArrayList<>();
        for (int i = 0; i < baselineMinutes.size(); i++) {
            baseline.add(window(Variant.BASELINE, i, baselineMinutes.get(i)));
            swappedCanary.add(window(Variant.CANARY, i, baselineMinutes.get(i)));
        }
        for (int i = 0; i < canaryMinutes.size(); i++) {
            canary.add(window(Variant.CANARY, i, canaryMinutes.get(i)));
            swappedBaseline.add(window(Variant.BASELINE, i, canaryMinutes.get(i)));
        }
        // With no allowed effect the tolerance band is {0}, so swapping the samples must mirror the interval.
        List<MetricSpec> specs = JudgePolicyFixture.metrics().stream()
                .map(m -> new MetricSpec(m.name(), Direction.INCREASE, false, 1, m.group(), 0)).toList();
        CanaryJudge judge = new CanaryJudge(new JudgeSettings(0.98, 1));

        JudgeResult original = judge.judge(specs, Map.of(), 1, ScoreThresholds.DEFAULT, baseline, canary);
        JudgeResult swapped = judge.judge(specs, Map.of(), 1, ScoreThresholds.DEFAULT, swappedBaseline,
                swappedCanary);

        for (int i = 0; i < specs.size(); i++) {
            MetricResult a = original.metrics().get(i);
            MetricResult b = swapped.metrics().get(i);
            if (a.outcome() == MetricOutcome.NO_DATA) {
                assertThat(b.outcome()).isEqualTo(MetricOutcome.NO_DATA);
                continue;
            }
            assertThat(b.shift()).isEqualTo(switch (a.shift()) {
                case HIGH -> ShiftClass.LOW;
                case LOW -> ShiftClass.HIGH;
                case NONE -> ShiftClass.NONE;
            });
            assertThat(b.test().lower()).isEqualTo(-a.test().upper());
        }
    }

    @Property(tries = 10)
    void aRealRegressionFlipsFromHighToLowWhenTheRolesAreSwapped(
            @ForAll @LongRange(min = 0, max = 10_000) long seed) {
        List<MetricWindow> windows = ScenarioGenerator.generate(
                ScenarioSpec.of(Scenario.LATENCY_PLUS_50, seed, WindowFixture.START).withMinutes(60));
        List<MetricWindow> baseline = windows.stream().filter(w -> w.variant() == Variant.BASELINE).toList();
        List<MetricWindow> canary = windows.stream().filter(w -> w.variant() == Variant.CANARY).toList();
        CanaryJudge judge = new CanaryJudge(JudgeSettings.DEFAULT);
        List<MetricSpec> latency = JudgePolicyFixture.metrics().stream()
                .filter(m -> m.name().startsWith("latency")).toList();

        JudgeResult original = judge.judge(latency, Map.of(), 50, ScoreThresholds.DEFAULT, baseline, canary);
        JudgeResult swapped = judge.judge(latency, Map.of(), 50, ScoreThresholds.DEFAULT, canary, baseline);

        assertThat(original.metrics()).allSatisfy(m -> assertThat(m.shift()).isEqualTo(ShiftClass.HIGH));
        assertThat(swapped.metrics()).allSatisfy(m -> assertThat(m.shift()).isEqualTo(ShiftClass.LOW));
        assertThat(swapped.metrics()).noneMatch(MetricResult::failing);
    }

    @Property(tries = 6)
    void resultsDoNotDependOnTheOrderOfLinesInTheFile(@ForAll @LongRange(min = 0, max = 10_000) long seed,
                                                      @ForAll Scenario scenario) {
        List<MetricWindow> windows = ScenarioGenerator.generate(
                ScenarioSpec.of(scenario, seed, WindowFixture.START).withMinutes(70));
        List<String> lines = new ArrayList<>(List.of(new WindowWriter().toJsonLines(windows).split("\n")));
        List<String> shuffled = new ArrayList<>(lines);
        Collections.shuffle(shuffled, new Random(seed));
        WindowParser parser = new WindowParser();
        List<MetricWindow> inOrder = parser.parse(String.join("\n", lines)).windows();
        List<MetricWindow> outOfOrder = parser.parse(String.join("\n", shuffled)).windows();
        RolloutPolicy policy = JudgePolicyFixture.canaryPolicy();
        StageReplay replay = new StageReplay(evaluator);

        assertThat(evaluator.evaluate(policy, policy.stage(0), outOfOrder, Duration.ofMinutes(70)))
                .isEqualTo(evaluator.evaluate(policy, policy.stage(0), inOrder, Duration.ofMinutes(70)));
        assertThat(replay.replay(policy, policy.stage(0), outOfOrder, false))
                .isEqualTo(replay.replay(policy, policy.stage(0), inOrder, false));
    }
}
