package dev.rollgate.core.judge;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static dev.rollgate.core.judge.ScoreSummaryFixture.T0;
import static dev.rollgate.core.judge.ScoreSummaryFixture.windows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SequentialMeanTestTest {
    private static final SequentialMeanTest.Side BELOW = SequentialMeanTest.Side.BELOW;
    private static final SequentialMeanTest.Side ABOVE = SequentialMeanTest.Side.ABOVE;

    @Test
    void aMeanClearlyBelowTheFloorFiresWithinMinutes() {
        SequentialMeanTest.Outcome outcome = SequentialMeanTest.test(windows(1, 180, 0.65, 0.15, 48, 0.01), 0.7,
                BELOW, 0.0025);

        assertThat(outcome.fired()).isTrue();
        assertThat(outcome.firedAt()).isBefore(T0.plusSeconds(15 * 60));
        assertThat(outcome.mean()).isBetween(0.64, 0.66);
        assertThat(outcome.sd()).isBetween(0.13, 0.2);
    }

    @Test
    void aMeanSlightlyBelowTheFloorIsCaughtLaterBecauseItNeedsMoreSamples() {
        SequentialMeanTest.Outcome slight = SequentialMeanTest.test(windows(2, 180, 0.685, 0.15, 48, 0.0), 0.7,
                BELOW, 0.0025);
        SequentialMeanTest.Outcome clear = SequentialMeanTest.test(windows(2, 180, 0.65, 0.15, 48, 0.0), 0.7,
                BELOW, 0.0025);

        assertThat(slight.fired()).isTrue();
        assertThat(slight.firedAt()).isAfter(clear.firedAt());
    }

    @Test
    void atTheThresholdTheFalseFiringRateStaysNearAlphaDespiteLookingEveryWindow() {
        int fired = 0;
        int runs = 400;
        for (int seed = 0; seed < runs; seed++) {
            if (SequentialMeanTest.test(windows(seed, 180, 0.7, 0.15, 20, 0.0), 0.7, BELOW, 0.05).fired()) {
                fired++;
            }
        }
        // Exactly at the boundary of the null (the worst case) with alpha 0.05: Ville's bound allows 20 of 400
        // with a known sd (the estimated sd errs high, so about 1 % fire); a z-test at 1.645 read after each of
        // 180 windows would fire in well over a third.
        assertThat(fired).isLessThanOrEqualTo(20);
    }

    @Test
    void windowToWindowWanderingOfTheMeanWidensTheEstimateInsteadOfFiring() {
        int fired = 0;
        for (int seed = 0; seed < 200; seed++) {
            // The level moves with sd 0.03 per window, larger than a 48-sample mean's own noise (0.022).
            SequentialMeanTest.Outcome outcome = SequentialMeanTest.test(windows(seed, 180, 0.7, 0.15, 48, 0.03),
                    0.7, BELOW, 0.05);
            fired += outcome.fired() ? 1 : 0;
            assertThat(outcome.sd()).isGreaterThan(0.2);
        }
        assertThat(fired).isLessThanOrEqualTo(10);
    }

    @Test
    void aCeilingIsTheMirrorImageOfAFloor() {
        List<SequentialMeanTest.Summary> high = windows(3, 120, 0.35, 0.15, 48, 0.0);
        List<SequentialMeanTest.Summary> mirrored = high.stream().map(s -> new SequentialMeanTest.Summary(s.at(),
                s.count(), 1 - s.mean(), 1 - s.p90(), 1 - s.p10())).toList();

        SequentialMeanTest.Outcome above = SequentialMeanTest.test(high, 0.3, ABOVE, 0.0025);
        SequentialMeanTest.Outcome below = SequentialMeanTest.test(mirrored, 0.7, BELOW, 0.0025);

        assertThat(above.fired()).isTrue();
        assertThat(above.firedAt()).isEqualTo(below.firedAt());
        assertThat(above.maxEvidence()).isCloseTo(below.maxEvidence(), org.assertj.core.data.Percentage.withPercentage(1e-6));
        assertThat(SequentialMeanTest.test(high, 0.3, BELOW, 0.0025).fired()).isFalse();
    }

    @Test
    void windowsWithoutGradedSamplesAreSkippedAndOneWindowAloneNeverFires() {
        List<SequentialMeanTest.Summary> steps = new ArrayList<>();
        steps.add(new SequentialMeanTest.Summary(T0, 5000, 0.1, 0.0, 0.2));
        steps.add(new SequentialMeanTest.Summary(T0.plusSeconds(60), 0, 0, 0, 0));

        SequentialMeanTest.Outcome one = SequentialMeanTest.test(steps, 0.7, BELOW, 0.0025);
        steps.add(new SequentialMeanTest.Summary(T0.plusSeconds(120), 5000, 0.1, 0.0, 0.2));
        SequentialMeanTest.Outcome two = SequentialMeanTest.test(steps, 0.7, BELOW, 0.0025);

        assertThat(one.fired()).isFalse();
        assertThat(one.windows()).isEqualTo(1);
        assertThat(one.maxEvidence()).isEqualTo(1);
        assertThat(two.firedAt()).isEqualTo(T0.plusSeconds(120));
        assertThat(two.samples()).isEqualTo(10_000);
    }

    @Test
    void constantScoresFireOnlyWhenTheyAreOnTheBadSide() {
        Instant t1 = T0.plusSeconds(60);
        List<SequentialMeanTest.Summary> below = List.of(new SequentialMeanTest.Summary(T0, 20, 0.5, 0.5, 0.5),
                new SequentialMeanTest.Summary(t1, 20, 0.5, 0.5, 0.5));
        List<SequentialMeanTest.Summary> at = List.of(new SequentialMeanTest.Summary(T0, 20, 0.7, 0.7, 0.7),
                new SequentialMeanTest.Summary(t1, 20, 0.7, 0.7, 0.7));

        assertThat(SequentialMeanTest.test(below, 0.7, BELOW, 0.0025).firedAt()).isEqualTo(t1);
        assertThat(SequentialMeanTest.test(at, 0.7, BELOW, 0.0025).fired()).isFalse();
    }

    @Test
    void noDataIsNoEvidence() {
        SequentialMeanTest.Outcome outcome = SequentialMeanTest.test(List.of(), 0.7, BELOW, 0.0025);

        assertThat(outcome.fired()).isFalse();
        assertThat(outcome.maxEvidence()).isEqualTo(1);
        assertThat(outcome.mean()).isNaN();
        assertThat(outcome.sd()).isNaN();
    }

    @Test
    void anUnusableThresholdOrAlphaIsRefused() {
        assertThatThrownBy(() -> SequentialMeanTest.test(List.of(), Double.NaN, BELOW, 0.01))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("threshold");
        assertThatThrownBy(() -> SequentialMeanTest.test(List.of(), 0.7, BELOW, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("alpha");
    }
}
