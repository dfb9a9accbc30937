package dev.rollgate.core.judge;

import dev.rollgate.core.metrics.CustomMetricValue;
import dev.rollgate.core.metrics.LatencyQuantiles;
import dev.rollgate.core.metrics.MetricWindow;
import dev.rollgate.core.metrics.Variant;
import dev.rollgate.core.metrics.WindowRouting;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/** One-minute windows carrying only a count family, with binomially drawn events at a fixed rate. */
final class CountFamilyFixture {
    static final String FAMILY = "tool_call_rejections";

    private CountFamilyFixture() {
    }

    static List<MetricWindow> windows(Variant variant, SplittableRandom random, int minutes, long total, double rate) {
        List<MetricWindow> out = new ArrayList<>();
        for (int m = 0; m < minutes; m++) {
            long events = binomial(random, total, rate);
            out.add(new MetricWindow(variant, WindowFixture.START.plusSeconds(60L * m), 60, 1000, 5,
                    Optional.of(new LatencyQuantiles(100, 200, 400)), 1000, 10, 0, 0, 0, 0, Map.of(), 0,
                    Map.of(FAMILY, new CustomMetricValue.CountPair(events, total)), WindowRouting.NONE));
        }
        return out;
    }

    /** Inversion of the binomial distribution function; cheap for the small means used here. */
    static long binomial(SplittableRandom random, long n, double p) {
        if (p <= 0) {
            return 0;
        }
        if (p >= 1) {
            return n;
        }
        double u = random.nextDouble();
        double prob = Math.pow(1 - p, n);
        double cumulative = prob;
        long k = 0;
        while (u > cumulative && k < n) {
            prob *= (double) (n - k) / (k + 1) * p / (1 - p);
            k++;
            cumulative += prob;
        }
        return k;
    }
}
