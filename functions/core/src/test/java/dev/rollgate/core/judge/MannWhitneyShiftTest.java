package dev.rollgate.core.judge;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.apache.commons.statistics.inference.MannWhitneyUTest;
import org.apache.commons.statistics.inference.PValueMethod;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MannWhitneyShiftTest {
    private static final MannWhitneyUTest ASYMPTOTIC = MannWhitneyUTest.withDefaults().with(PValueMethod.ASYMPTOTIC);

    private static double[] normal(SplittableRandom random, int n, double shift) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = shift + random.nextGaussian();
        }
        return values;
    }

    @Test
    void estimatesAKnownShiftAndCoversIt() {
        SplittableRandom random = new SplittableRandom(7);
        double[] baseline = normal(random, 120, 0);
        double[] canary = normal(random, 120, 1.0);

        ShiftEstimate estimate = MannWhitneyShift.compare(canary, baseline, 0.98);

        assertThat(estimate.estimate()).isCloseTo(1.0, within(0.3));
        assertThat(estimate.lower()).isLessThan(1.0);
        assertThat(estimate.upper()).isGreaterThan(1.0);
        assertThat(estimate.pValue()).isLessThan(1e-6);
        assertThat(estimate.tiesPresent()).isFalse();
    }

    @Test
    void intervalEndsAreWhereTheLibraryTestStartsToReject() {
        SplittableRandom random = new SplittableRandom(11);
        double[] baseline = normal(random, 60, 0);
        double[] canary = normal(random, 70, 0.3);
        double confidence = 0.98;

        ShiftEstimate estimate = MannWhitneyShift.compare(canary, baseline, confidence);
        double[] differences = sortedDifferences(canary, baseline);
        int lowerIndex = Arrays.binarySearch(differences, estimate.lower());
        int upperIndex = Arrays.binarySearch(differences, estimate.upper());

        double alpha = 1 - confidence;
        double justInsideLower = (differences[lowerIndex] + differences[lowerIndex + 1]) / 2;
        double justOutsideLower = (differences[lowerIndex - 1] + differences[lowerIndex]) / 2;
        double justInsideUpper = (differences[upperIndex - 1] + differences[upperIndex]) / 2;
        double justOutsideUpper = (differences[upperIndex] + differences[upperIndex + 1]) / 2;
        assertThat(pAt(canary, baseline, justInsideLower)).isGreaterThanOrEqualTo(alpha);
        assertThat(pAt(canary, baseline, justOutsideLower)).isLessThan(alpha);
        assertThat(pAt(canary, baseline, justInsideUpper)).isGreaterThanOrEqualTo(alpha);
        assertThat(pAt(canary, baseline, justOutsideUpper)).isLessThan(alpha);
    }

    @Test
    void tiedDiscreteValuesStillGiveAnOrderedInterval() {
        double[] baseline = {0, 0, 1, 1, 1, 2, 2, 3, 0, 1, 1, 2};
        double[] canary = {1, 1, 2, 2, 2, 3, 3, 4, 1, 2, 2, 3};

        ShiftEstimate estimate = MannWhitneyShift.compare(canary, baseline, 0.98);

        assertThat(estimate.tiesPresent()).isTrue();
        assertThat(estimate.estimate()).isEqualTo(1.0);
        assertThat(estimate.lower()).isLessThanOrEqualTo(estimate.estimate());
        assertThat(estimate.upper()).isGreaterThanOrEqualTo(estimate.estimate());
    }

    @Property(tries = 60)
    void orderStatisticsMatchSortingAllDifferences(
            @ForAll @Size(min = 1, max = 25) List<@DoubleRange(min = -50, max = 50) Double> x,
            @ForAll @Size(min = 1, max = 25) List<@IntRange(min = -20, max = 20) Integer> y) {
        double[] xs = x.stream().mapToDouble(Double::doubleValue).toArray();
        double[] ys = y.stream().mapToDouble(Integer::doubleValue).toArray();
        double[] sorted = sortedDifferences(xs, ys);
        PairwiseDifferences differences = new PairwiseDifferences(xs, ys);

        for (int k = 0; k < sorted.length; k++) {
            assertThat(differences.kth(k)).isEqualTo(sorted[k]);
        }
    }

    private static double pAt(double[] canary, double[] baseline, double mu) {
        return ASYMPTOTIC.withMu(mu).test(canary, baseline).getPValue();
    }

    private static double[] sortedDifferences(double[] x, double[] y) {
        double[] d = new double[x.length * y.length];
        int k = 0;
        for (double a : x) {
            for (double b : y) {
                d[k++] = a - b;
            }
        }
        Arrays.sort(d);
        return d;
    }
}
