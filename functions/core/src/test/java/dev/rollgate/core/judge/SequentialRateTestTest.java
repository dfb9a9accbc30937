package dev.rollgate.core.judge;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SequentialRateTestTest {
    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

    private static long poisson(SplittableRandom random, double mean) {
        double limit = Math.exp(-mean);
        long k = 0;
        double p = random.nextDouble();
        while (p > limit) {
            k++;
            p *= random.nextDouble();
        }
        return k;
    }

    private static List<SequentialRateTest.PairedCounts> paired(long seed, int minutes, double canaryRate,
                                                                double baselineRate) {
        SplittableRandom random = new SplittableRandom(seed);
        List<SequentialRateTest.PairedCounts> steps = new ArrayList<>();
        for (int m = 0; m < minutes; m++) {
            steps.add(new SequentialRateTest.PairedCounts(T0.plusSeconds(60L * m),
                    poisson(random, 600 * canaryRate), 600, poisson(random, 600 * baselineRate), 600));
        }
        return steps;
    }

    @Test
    void aDoubledErrorRateFiresWithinMinutes() {
        SequentialRateTest.Outcome outcome = SequentialRateTest.ratio(paired(1, 180, 0.01, 0.005), 2.0, 0.005);

        assertThat(outcome.fired()).isTrue();
        assertThat(outcome.firedAt()).isBefore(T0.plusSeconds(30 * 60));
        assertThat(outcome.maxEvidence()).isGreaterThanOrEqualTo(200);
    }

    @Test
    void underTheNullTheFalseFiringRateStaysBelowAlphaDespiteLookingEveryMinute() {
        int fired = 0;
        int runs = 400;
        for (int seed = 0; seed < runs; seed++) {
            if (SequentialRateTest.ratio(paired(seed, 180, 0.005, 0.005), 2.0, 0.05).fired()) {
                fired++;
            }
        }
        // alpha 0.05 over 400 seeded runs: Ville's bound allows 20; a fixed-sample test read every minute would
        // fire far more often.
        assertThat(fired).isLessThanOrEqualTo(20);
    }

    @Test
    void aCanaryBetterThanItsBaselineNeverFires() {
        assertThat(SequentialRateTest.ratio(paired(5, 180, 0.002, 0.01), 2.0, 0.01).fired()).isFalse();
    }

    @Test
    void anAbsoluteRateAboveTheCeilingFiresAndOneBelowDoesNot() {
        SplittableRandom random = new SplittableRandom(9);
        List<SequentialRateTest.Counts> high = new ArrayList<>();
        List<SequentialRateTest.Counts> low = new ArrayList<>();
        for (int m = 0; m < 120; m++) {
            high.add(new SequentialRateTest.Counts(T0.plusSeconds(60L * m), poisson(random, 600 * 0.06), 600));
            low.add(new SequentialRateTest.Counts(T0.plusSeconds(60L * m), poisson(random, 600 * 0.01), 600));
        }

        assertThat(SequentialRateTest.absolute(high, 0.03, 0.01).fired()).isTrue();
        assertThat(SequentialRateTest.absolute(low, 0.03, 0.01).fired()).isFalse();
        assertThat(SequentialRateTest.absolute(low, 0.03, 0.01).observed()).isBetween(0.008, 0.012);
    }

    @Test
    void windowsWithoutEventsOrVolumeAreSkipped() {
        List<SequentialRateTest.PairedCounts> empty = List.of(
                new SequentialRateTest.PairedCounts(T0, 0, 0, 0, 600),
                new SequentialRateTest.PairedCounts(T0.plusSeconds(60), 0, 600, 0, 600));

        SequentialRateTest.Outcome outcome = SequentialRateTest.ratio(empty, 2.0, 0.01);

        assertThat(outcome.fired()).isFalse();
        assertThat(outcome.maxEvidence()).isEqualTo(1.0);
    }

    @Test
    void aRatioThresholdOfOneCatchesAnyClearIncreaseAndBelowOneIsRefused() {
        assertThat(SequentialRateTest.ratio(paired(2, 180, 0.0075, 0.005), 1.0, 0.01).fired()).isTrue();
        assertThatThrownBy(() -> SequentialRateTest.ratio(List.of(), 0.5, 0.01))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aZeroCeilingFiresOnTheFirstEventAndACeilingOfOneNever() {
        List<SequentialRateTest.Counts> steps = List.of(new SequentialRateTest.Counts(T0, 0, 100),
                new SequentialRateTest.Counts(T0.plusSeconds(60), 1, 100));

        assertThat(SequentialRateTest.absolute(steps, 0, 0.01).firedAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(SequentialRateTest.absolute(steps, 1, 0.01).fired()).isFalse();
    }
}
