package dev.rollgate.core.judge;

import dev.rollgate.core.metrics.CustomMetricValue;
import dev.rollgate.core.metrics.LatencyQuantiles;
import dev.rollgate.core.metrics.MetricWindow;
import dev.rollgate.core.metrics.Variant;
import dev.rollgate.core.metrics.WindowRouting;
import dev.rollgate.core.policy.CustomMetricSpec;
import dev.rollgate.core.policy.RollbackTriggers;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Absolute thresholds on score families: a crossing rolls back, noise near but on the good side never does. */
class ScoreThresholdProperties {
    private static final double ALPHA = 0.0025;
    private final TriggerEvaluator triggers = new TriggerEvaluator();

    private static List<MetricWindow> canary(List<SequentialMeanTest.Summary> summaries) {
        return summaries.stream().map(s -> new MetricWindow(Variant.CANARY, s.at(), 60, 600, 3,
                Optional.of(new LatencyQuantiles(100, 200, 400)), 600, 6, 0, 0, 0, 0, Map.of(), 0,
                Map.<String, CustomMetricValue>of("eval_score",
                        new CustomMetricValue.ScoreSummary(s.count(), s.mean(), s.p10(), (s.p10() + s.p90()) / 2,
                                s.p90())), WindowRouting.NONE)).toList();
    }

    private TriggerResult floor(double threshold, List<MetricWindow> windows) {
        CustomMetricSpec eval = new CustomMetricSpec("eval_score", CustomMetricSpec.Kind.SCORE, Optional.empty(),
                Optional.of(threshold));
        return triggers.evaluate(RollbackTriggers.none(), List.of(eval), List.of(), windows, ALPHA).stream()
                .filter(t -> t.trigger() == TriggerKind.CUSTOM_METRIC_THRESHOLD).findFirst().orElseThrow();
    }

    @Property(tries = 40)
    void aHealthyScoreNearButAboveTheFloorNeverRollsBack(
            @ForAll @LongRange(min = 0, max = 1_000_000) long seed,
            @ForAll @DoubleRange(min = 0.01, max = 0.05) double margin,
            @ForAll @DoubleRange(min = 0.05, max = 0.25) double sd,
            @ForAll @IntRange(min = 10, max = 120) int graded,
            @ForAll @IntRange(min = 2, max = 180) int minutes,
            @ForAll @DoubleRange(min = 0, max = 0.02) double levelSd) {
        TriggerResult result = floor(0.7, canary(ScoreSummaryFixture.windows(seed, minutes, 0.7 + margin, sd, graded,
                levelSd)));

        assertThat(result.fired()).as(result.detail()).isFalse();
        assertThat(result.detail()).startsWith("eval_score mean");
    }

    @Property(tries = 30)
    void aMeanClearlyBelowTheFloorRollsBackWithinTheHour(
            @ForAll @LongRange(min = 0, max = 1_000_000) long seed,
            @ForAll @DoubleRange(min = 0.05, max = 0.2) double drop,
            @ForAll @DoubleRange(min = 0.05, max = 0.2) double sd,
            @ForAll @IntRange(min = 30, max = 120) int graded,
            @ForAll @DoubleRange(min = 0, max = 0.02) double levelSd) {
        TriggerResult result = floor(0.7, canary(ScoreSummaryFixture.windows(seed, 60, 0.7 - drop, sd, graded,
                levelSd)));

        assertThat(result.fired()).as(result.detail()).isTrue();
        assertThat(result.detail()).startsWith("eval_score mean").contains("FIRED");
    }
}
