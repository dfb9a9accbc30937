package dev.rollgate.core.judge;

import dev.rollgate.core.metrics.MetricWindow;
import dev.rollgate.core.policy.Direction;
import dev.rollgate.core.policy.MetricSpec;
import dev.rollgate.core.policy.PolicyFormat;
import dev.rollgate.core.policy.ScoreThresholds;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Scores a canary against its baseline over a cumulative window: one Mann-Whitney comparison per metric, a
 * verdict per metric from the shift interval, the policy's direction and allowed effect, then a weighted score.
 * A metric fails only when the whole interval lies beyond the allowed effect in the worse direction, so noise
 * and tiny shifts do not fail it; a metric with fewer than the minimum points on either side is NO_DATA, and a
 * metric whose computation fails is ERROR without affecting the others. Neither ever counts as passing.
 */
public final class CanaryJudge {
    private final JudgeSettings settings;

    public CanaryJudge(JudgeSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public JudgeSettings settings() {
        return settings;
    }

    /**
     * @param metrics       the judged metrics (the policy's list)
     * @param groupWeights  weight per metric group; a group missing from the map weighs 1
     * @param minDataPoints fewer points than this on either side is NO_DATA
     * @param thresholds    pass / marginal thresholds
     * @param baseline      baseline windows of the analysis window
     * @param canary        candidate windows of the analysis window
     */
    public JudgeResult judge(List<MetricSpec> metrics, Map<String, Double> groupWeights, int minDataPoints,
                             ScoreThresholds thresholds, List<MetricWindow> baseline, List<MetricWindow> canary) {
        Map<String, Double> weights = effectiveWeights(metrics, groupWeights);
        List<MetricResult> results = new ArrayList<>();
        for (MetricSpec spec : metrics) {
            results.add(judgeMetric(spec, weights.get(spec.name()), minDataPoints, baseline, canary));
        }
        double total = results.stream().mapToDouble(MetricResult::effectiveWeight).sum();
        boolean criticalFailure = results.stream().anyMatch(r -> r.critical() && r.failing());
        double passing = results.stream().filter(r -> r.outcome() == MetricOutcome.PASS)
                .mapToDouble(MetricResult::effectiveWeight).sum();
        double notFailing = results.stream().filter(r -> !r.failing())
                .mapToDouble(MetricResult::effectiveWeight).sum();
        double score = criticalFailure || total <= 0 ? 0 : 100 * passing / total;
        double scoreIfDataPassed = criticalFailure || total <= 0 ? 0 : 100 * notFailing / total;
        return new JudgeResult(round(score), ScoreClass.of(round(score), thresholds), round(scoreIfDataPassed),
                criticalFailure, results);
    }

    /** Group weight times the metric's share of its group's weight, so a group's metrics together carry it. */
    private static Map<String, Double> effectiveWeights(List<MetricSpec> metrics, Map<String, Double> groupWeights) {
        Map<String, Double> groupTotals = new HashMap<>();
        metrics.forEach(m -> groupTotals.merge(m.group(), m.weight(), Double::sum));
        Map<String, Double> weights = new HashMap<>();
        for (MetricSpec m : metrics) {
            double groupWeight = groupWeights.getOrDefault(m.group(), 1.0);
            double groupTotal = groupTotals.get(m.group());
            weights.put(m.name(), groupTotal > 0 ? groupWeight * m.weight() / groupTotal : 0);
        }
        return weights;
    }

    private MetricResult judgeMetric(MetricSpec spec, double weight, int minDataPoints, List<MetricWindow> baseline,
                                     List<MetricWindow> canary) {
        double[] canaryValues;
        double[] baselineValues;
        try {
            canaryValues = MetricValues.of(spec.name(), canary, settings.minVolumePerPoint());
            baselineValues = MetricValues.of(spec.name(), baseline, settings.minVolumePerPoint());
        } catch (RuntimeException e) {
            return error(spec, weight, 0, 0, e);
        }
        int needed = Math.max(1, minDataPoints);
        if (canaryValues.length < needed || baselineValues.length < needed) {
            return new MetricResult(spec.name(), spec.group(), weight, spec.critical(), spec.direction(),
                    spec.allowedEffect(), MetricOutcome.NO_DATA, null, canaryValues.length, baselineValues.length,
                    null, null, null, null,
                    String.format(Locale.ROOT, "%s: %d canary and %d baseline data points, need %d on each side"
                                    + " (a window counts when it has at least %d requests) -> NO_DATA",
                            spec.name(), canaryValues.length, baselineValues.length, needed,
                            settings.minVolumePerPoint()));
        }
        try {
            return compared(spec, weight, canaryValues, baselineValues);
        } catch (RuntimeException e) {
            return error(spec, weight, canaryValues.length, baselineValues.length, e);
        }
    }

    private MetricResult compared(MetricSpec spec, double weight, double[] canaryValues, double[] baselineValues) {
        ShiftEstimate test = MannWhitneyShift.compare(canaryValues, baselineValues, settings.confidence());
        double canaryMedian = median(canaryValues);
        double baselineMedian = median(baselineValues);
        double tolerance = spec.allowedEffect() * Math.abs(baselineMedian);
        if (!Double.isFinite(test.lower()) || !Double.isFinite(test.upper()) || !Double.isFinite(tolerance)) {
            throw new ArithmeticException("non-finite shift interval or tolerance");
        }
        ShiftClass shift = test.lower() > tolerance ? ShiftClass.HIGH
                : test.upper() < -tolerance ? ShiftClass.LOW : ShiftClass.NONE;
        boolean worse = switch (spec.direction()) {
            case INCREASE -> shift == ShiftClass.HIGH;
            case DECREASE -> shift == ShiftClass.LOW;
            case EITHER -> shift != ShiftClass.NONE;
        };
        MetricOutcome outcome = worse ? MetricOutcome.FAIL : MetricOutcome.PASS;
        String explanation = String.format(Locale.ROOT,
                "%s: canary median %s vs baseline %s over %d/%d points; shift %s (%s%% CI %s..%s, p=%s);"
                        + " allowed +/-%s (%s%% of baseline median); %s, worse when it %s -> %s",
                spec.name(), num(canaryMedian), num(baselineMedian), canaryValues.length, baselineValues.length,
                num(test.estimate()), num(100 * test.confidence()), num(test.lower()), num(test.upper()),
                num(test.pValue()), num(tolerance), num(100 * spec.allowedEffect()), shift, worseWord(spec.direction()),
                outcome);
        return new MetricResult(spec.name(), spec.group(), weight, spec.critical(), spec.direction(),
                spec.allowedEffect(), outcome, shift, canaryValues.length, baselineValues.length, canaryMedian,
                baselineMedian, tolerance, test, explanation);
    }

    private static MetricResult error(MetricSpec spec, double weight, int canaryPoints, int baselinePoints,
                                      RuntimeException e) {
        return new MetricResult(spec.name(), spec.group(), weight, spec.critical(), spec.direction(),
                spec.allowedEffect(), MetricOutcome.ERROR, null, canaryPoints, baselinePoints, null, null, null, null,
                spec.name() + ": computation failed (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                        + ") -> ERROR");
    }

    private static String worseWord(Direction direction) {
        return switch (direction) {
            case INCREASE -> "increases";
            case DECREASE -> "decreases";
            case EITHER -> "moves either way";
        };
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return MannWhitneyShift.median(sorted);
    }

    private static double round(double score) {
        return Math.round(score * 100) / 100.0;
    }

    private static String num(double value) {
        return CanaryJudgeFormat.num(value);
    }
}
