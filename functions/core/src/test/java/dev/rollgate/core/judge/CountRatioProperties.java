package dev.rollgate.core.judge;

import dev.rollgate.core.metrics.MetricWindow;
import dev.rollgate.core.metrics.Variant;
import dev.rollgate.core.policy.CustomMetricSpec;
import dev.rollgate.core.policy.Direction;
import dev.rollgate.core.policy.RollbackTriggers;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Scale;

import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The count-family ratio test keeps its false-firing bound under equal rates and catches a clear regression. */
class CountRatioProperties {
    private static final CustomMetricSpec COUNT = new CustomMetricSpec(CountFamilyFixture.FAMILY,
            CustomMetricSpec.Kind.COUNT, Optional.empty(), Optional.empty());
    private final TriggerEvaluator triggers = new TriggerEvaluator();

    private boolean fires(SplittableRandom random, int minutes, long canaryTotal, long baselineTotal,
                          double baselineRate, double canaryRate, double effect, double alpha) {
        List<MetricWindow> baseline = CountFamilyFixture.windows(Variant.BASELINE, random, minutes, baselineTotal,
                baselineRate);
        List<MetricWindow> canary = CountFamilyFixture.windows(Variant.CANARY, random, minutes, canaryTotal,
                canaryRate);
        List<CountRatioTest> tests = List.of(new CountRatioTest(CountFamilyFixture.FAMILY, Direction.INCREASE,
                1 + effect));
        return triggers.evaluate(RollbackTriggers.none(), List.of(COUNT), tests, baseline, canary, alpha).stream()
                .filter(t -> t.trigger() == TriggerKind.CUSTOM_METRIC_RATIO).findFirst().orElseThrow().fired();
    }

    /**
     * Each try runs 300 seeded 3-hour stages with equal rates. Ville's inequality bounds the chance of a firing by
     * alpha = 0.05, so 15 are expected at most; more than 30 would be 3.9 standard deviations above that.
     */
    @Property(tries = 8)
    void healthyEqualRatesFireAtMostAtTheAlphaRate(
            @ForAll @LongRange(min = 0, max = 1_000_000) long seed,
            @ForAll @DoubleRange(min = 0.002, max = 0.05) @Scale(4) double rate,
            @ForAll @DoubleRange(min = 0, max = 1) double effect,
            @ForAll @IntRange(min = 100, max = 800) int canaryTotal) {
        SplittableRandom random = new SplittableRandom(seed);
        int runs = 300;
        int fired = 0;
        for (int i = 0; i < runs; i++) {
            if (fires(random, 180, canaryTotal, canaryTotal * 9L, rate, rate, effect, 0.05)) {
                fired++;
            }
        }

        assertThat(fired).isLessThanOrEqualTo(30);
    }

    /** A canary rate at twice the alternative's ratio, with a few thousand calls, is caught within 3 hours. */
    @Property(tries = 30)
    void aRateWellAboveTheAlternativeFires(
            @ForAll @LongRange(min = 0, max = 1_000_000) long seed,
            @ForAll @DoubleRange(min = 0.005, max = 0.02) @Scale(4) double rate,
            @ForAll @DoubleRange(min = 0.1, max = 0.5) double effect) {
        double canaryRate = rate * 2 * (1 + effect);

        assertThat(fires(new SplittableRandom(seed), 180, 400, 3600, rate, canaryRate, effect, 0.0025)).isTrue();
    }
}
