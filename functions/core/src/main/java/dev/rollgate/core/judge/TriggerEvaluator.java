package dev.rollgate.core.judge;

import dev.rollgate.core.metrics.CustomMetricValue;
import dev.rollgate.core.metrics.MetricWindow;
import dev.rollgate.core.policy.CustomMetricSpec;
import dev.rollgate.core.policy.Direction;
import dev.rollgate.core.policy.OverloadTrigger;
import dev.rollgate.core.policy.PolicyFormat;
import dev.rollgate.core.policy.RollbackTriggers;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * Checks a stage's rollback triggers over every window seen so far, window by window in time order, so a trigger
 * fires at the first window where its condition holds, whenever it is evaluated. Rate triggers are sequential
 * tests ({@link SequentialRateTest}), and so are the comparative tests of judged count families
 * ({@link CountRatioTest}) and absolute thresholds on custom score means ({@link SequentialMeanTest}); the others are conditions on the candidate's windows.
 */
public final class TriggerEvaluator {

    /**
     * @param triggers     the stage's triggers
     * @param baseline     baseline windows, sorted by windowStart
     * @param candidate    canary (or shadow) windows, sorted by windowStart
     * @param alphaPerTest the false-trigger bound of each sequential test (the stage budget already split)
     */
    public List<TriggerResult> evaluate(RollbackTriggers triggers, List<MetricWindow> baseline,
                                        List<MetricWindow> candidate, double alphaPerTest) {
        return evaluate(triggers, List.of(), baseline, candidate, alphaPerTest);
    }

    /**
     * As above, plus the absolute rollback thresholds of the policy's custom metrics.
     *
     * @param custom the policy's custom metric declarations
     */
    public List<TriggerResult> evaluate(RollbackTriggers triggers, List<CustomMetricSpec> custom,
                                        List<MetricWindow> baseline, List<MetricWindow> candidate,
                                        double alphaPerTest) {
        return evaluate(triggers, custom, List.of(), baseline, candidate, alphaPerTest);
    }

    /**
     * As above, plus the comparative sequential tests of judged count families ({@link CountRatioTest}).
     *
     * @param countRatios the canary-against-baseline tests of count families to run (none at 100 % traffic)
     */
    public List<TriggerResult> evaluate(RollbackTriggers triggers, List<CustomMetricSpec> custom,
                                        List<CountRatioTest> countRatios, List<MetricWindow> baseline,
                                        List<MetricWindow> candidate, double alphaPerTest) {
        List<TriggerResult> results = new ArrayList<>();
        triggers.maxErrorRateRatio().ifPresent(t -> results.add(ratio(TriggerKind.ERROR_RATE_RATIO, "error rate",
                MetricWindow::errors, MetricWindow::requests, t, baseline, candidate, alphaPerTest)));
        triggers.maxPolicyDenyRate().ifPresent(t -> results.add(denyRate(t, candidate, alphaPerTest)));
        triggers.overload().ifPresent(o -> results.add(overload(o, candidate)));
        triggers.maxApprovalBacklog().ifPresent(t -> results.add(backlog(t, candidate)));
        triggers.maxParseFailureRatio().ifPresent(t -> results.add(ratio(TriggerKind.PARSE_FAILURE_RATIO,
                "parse-failure rate", MetricWindow::parseFailures, MetricWindow::requests, t, baseline, candidate,
                alphaPerTest)));
        triggers.maxSafetyDenyRatio().ifPresent(t -> results.add(ratio(TriggerKind.SAFETY_DENY_RATIO,
                "safety-deny rate", MetricWindow::safetyDenies, MetricWindow::requests, t, baseline, candidate,
                alphaPerTest)));
        for (CustomMetricSpec spec : custom) {
            spec.rollbackAbove().ifPresent(t -> results.add(customThreshold(spec, t, true, candidate, alphaPerTest)));
            spec.rollbackBelow().ifPresent(t -> results.add(customThreshold(spec, t, false, candidate, alphaPerTest)));
        }
        for (CountRatioTest test : countRatios) {
            results.add(countRatio(test, baseline, candidate, alphaPerTest));
        }
        results.add(criticalIncident(candidate));
        return results;
    }

    /** How many sequential tests the custom thresholds add (one per declared threshold). */
    public static int customThresholdTests(List<CustomMetricSpec> custom) {
        return custom.stream().mapToInt(c -> (c.rollbackAbove().isPresent() ? 1 : 0)
                + (c.rollbackBelow().isPresent() ? 1 : 0)).sum();
    }

    /**
     * A count family's rate against an absolute threshold, with the one-sample sequential test; "below" is the
     * same test on the complementary count (non-events above 1 - threshold). A score family's mean against it,
     * with {@link SequentialMeanTest}.
     */
    private static TriggerResult customThreshold(CustomMetricSpec spec, double threshold, boolean above,
                                                 List<MetricWindow> candidate, double alpha) {
        if (spec.kind() == CustomMetricSpec.Kind.SCORE) {
            return scoreThreshold(spec, threshold, above, candidate, alpha);
        }
        List<SequentialRateTest.Counts> steps = new ArrayList<>();
        for (MetricWindow w : candidate) {
            if (w.custom().get(spec.name()) instanceof CustomMetricValue.CountPair pair) {
                long events = above ? pair.events() : pair.total() - pair.events();
                steps.add(new SequentialRateTest.Counts(w.windowStart(), events, pair.total()));
            }
        }
        SequentialRateTest.Outcome outcome = SequentialRateTest.absolute(steps, above ? threshold : 1 - threshold,
                alpha);
        Double rate = finite(outcome.observed()).map(r -> above ? r : 1 - r).orElse(null);
        String detail = String.format(Locale.ROOT,
                "%s rate %s over %d windows; sequential test of 'rate %s %s': e-value %s, fires at %s (alpha %s)%s",
                spec.name(), rate == null ? "n/a" : CanaryJudgeFormat.num(rate), steps.size(), above ? "<=" : ">=",
                PolicyFormat.number(threshold), CanaryJudgeFormat.num(outcome.maxEvidence()),
                CanaryJudgeFormat.num(1 / alpha), CanaryJudgeFormat.num(alpha),
                outcome.fired() ? " -> FIRED at " + outcome.firedAt() : "");
        return new TriggerResult(TriggerKind.CUSTOM_METRIC_THRESHOLD, outcome.fired(), outcome.firedAt(), rate,
                threshold, finite(outcome.maxEvidence()).orElse(null), detail);
    }

    /**
     * A count family's canary rate against the baseline's, with the paired sequential ratio test the error rate
     * uses. Only windows where both variants sent the family are paired. A decrease swaps the roles of the two
     * variants (the baseline's rate over the canary's must not exceed the reciprocal threshold); the reported
     * ratio is always canary/baseline.
     */
    private static TriggerResult countRatio(CountRatioTest test, List<MetricWindow> baseline,
                                            List<MetricWindow> candidate, double alpha) {
        Map<Instant, CustomMetricValue.CountPair> baselineByStart = new HashMap<>();
        for (MetricWindow w : baseline) {
            if (w.custom().get(test.family()) instanceof CustomMetricValue.CountPair pair) {
                baselineByStart.put(w.windowStart(), pair);
            }
        }
        boolean decrease = test.worse() == Direction.DECREASE;
        List<SequentialRateTest.PairedCounts> steps = new ArrayList<>();
        for (MetricWindow w : candidate) {
            CustomMetricValue.CountPair b = baselineByStart.get(w.windowStart());
            if (b != null && w.custom().get(test.family()) instanceof CustomMetricValue.CountPair c) {
                steps.add(decrease
                        ? new SequentialRateTest.PairedCounts(w.windowStart(), b.events(), b.total(), c.events(), c.total())
                        : new SequentialRateTest.PairedCounts(w.windowStart(), c.events(), c.total(), b.events(), b.total()));
            }
        }
        SequentialRateTest.Outcome outcome = SequentialRateTest.ratio(steps, test.testedRatio(), alpha);
        double observed = decrease ? 1 / outcome.observed() : outcome.observed();
        String detail = String.format(Locale.ROOT,
                "%s rate ratio canary/baseline %s over %d paired windows; sequential test of 'no worse than baseline'"
                        + " against ratios %s %s (allowed effect %s, direction %s): e-value %s, fires at %s (alpha %s)%s",
                test.family(), finite(observed).map(CanaryJudgeFormat::num).orElse("n/a"), steps.size(),
                decrease ? "<=" : ">=", PolicyFormat.number(test.threshold()),
                PolicyFormat.number(Math.abs(test.threshold() - 1)), test.worse().wireName(),
                CanaryJudgeFormat.num(outcome.maxEvidence()), CanaryJudgeFormat.num(1 / alpha),
                CanaryJudgeFormat.num(alpha), outcome.fired() ? " -> FIRED at " + outcome.firedAt() : "");
        return new TriggerResult(TriggerKind.CUSTOM_METRIC_RATIO, outcome.fired(), outcome.firedAt(),
                finite(observed).orElse(null), test.threshold(), finite(outcome.maxEvidence()).orElse(null), detail);
    }

    /** A score family's pooled mean against an absolute floor or ceiling, as an anytime-valid sequential test. */
    private static TriggerResult scoreThreshold(CustomMetricSpec spec, double threshold, boolean above,
                                                List<MetricWindow> candidate, double alpha) {
        List<SequentialMeanTest.Summary> steps = new ArrayList<>();
        for (MetricWindow w : candidate) {
            if (w.custom().get(spec.name()) instanceof CustomMetricValue.ScoreSummary s) {
                steps.add(new SequentialMeanTest.Summary(w.windowStart(), s.count(), s.mean(), s.p10(), s.p90()));
            }
        }
        SequentialMeanTest.Outcome outcome = SequentialMeanTest.test(steps, threshold,
                above ? SequentialMeanTest.Side.ABOVE : SequentialMeanTest.Side.BELOW, alpha);
        String detail = String.format(Locale.ROOT,
                "%s mean %s over %d graded samples in %d windows (sd %s); sequential test of 'mean %s %s': "
                        + "e-value %s, fires at %s (alpha %s)%s",
                spec.name(), finite(outcome.mean()).map(CanaryJudgeFormat::num).orElse("n/a"), outcome.samples(),
                outcome.windows(), finite(outcome.sd()).map(CanaryJudgeFormat::num).orElse("n/a"),
                above ? "<=" : ">=", PolicyFormat.number(threshold), CanaryJudgeFormat.num(outcome.maxEvidence()),
                CanaryJudgeFormat.num(1 / alpha), CanaryJudgeFormat.num(alpha),
                outcome.fired() ? " -> FIRED at " + outcome.firedAt() : "");
        return new TriggerResult(TriggerKind.CUSTOM_METRIC_THRESHOLD, outcome.fired(), outcome.firedAt(),
                finite(outcome.mean()).orElse(null), threshold, finite(outcome.maxEvidence()).orElse(null), detail);
    }

    /** How many sequential tests the triggers run (each gets an equal part of the alpha budget). */
    public static int sequentialTests(RollbackTriggers triggers) {
        return (triggers.maxErrorRateRatio().isPresent() ? 1 : 0) + (triggers.maxPolicyDenyRate().isPresent() ? 1 : 0)
                + (triggers.maxParseFailureRatio().isPresent() ? 1 : 0)
                + (triggers.maxSafetyDenyRatio().isPresent() ? 1 : 0);
    }

    private static TriggerResult ratio(TriggerKind kind, String what, ToLongFunction<MetricWindow> events,
                                       ToLongFunction<MetricWindow> volume, double threshold,
                                       List<MetricWindow> baseline, List<MetricWindow> candidate, double alpha) {
        Map<Instant, MetricWindow> baselineByStart = new HashMap<>();
        baseline.forEach(w -> baselineByStart.put(w.windowStart(), w));
        List<SequentialRateTest.PairedCounts> steps = new ArrayList<>();
        for (MetricWindow c : candidate) {
            MetricWindow b = baselineByStart.get(c.windowStart());
            if (b != null) {
                steps.add(new SequentialRateTest.PairedCounts(c.windowStart(), events.applyAsLong(c),
                        volume.applyAsLong(c), events.applyAsLong(b), volume.applyAsLong(b)));
            }
        }
        SequentialRateTest.Outcome outcome = SequentialRateTest.ratio(steps, threshold, alpha);
        String detail = String.format(Locale.ROOT,
                "%s ratio canary/baseline %s over %d paired windows; sequential test of 'no worse than baseline'"
                        + " against ratios >= %s: e-value %s, fires at %s (alpha %s)%s",
                what, finite(outcome.observed()).map(CanaryJudgeFormat::num).orElse("n/a"), steps.size(),
                PolicyFormat.number(threshold), CanaryJudgeFormat.num(outcome.maxEvidence()),
                CanaryJudgeFormat.num(1 / alpha), CanaryJudgeFormat.num(alpha),
                outcome.fired() ? " -> FIRED at " + outcome.firedAt() : "");
        return new TriggerResult(kind, outcome.fired(), outcome.firedAt(), finite(outcome.observed()).orElse(null),
                threshold, finite(outcome.maxEvidence()).orElse(null), detail);
    }

    private static TriggerResult denyRate(double ceiling, List<MetricWindow> candidate, double alpha) {
        List<SequentialRateTest.Counts> steps = candidate.stream()
                .map(w -> new SequentialRateTest.Counts(w.windowStart(), w.policyDenies(), w.policyEvaluations()))
                .toList();
        SequentialRateTest.Outcome outcome = SequentialRateTest.absolute(steps, ceiling, alpha);
        String detail = String.format(Locale.ROOT,
                "policy-deny rate %s; sequential test of 'rate <= %s': e-value %s, fires at %s (alpha %s)%s",
                finite(outcome.observed()).map(CanaryJudgeFormat::num).orElse("n/a"), PolicyFormat.number(ceiling),
                CanaryJudgeFormat.num(outcome.maxEvidence()), CanaryJudgeFormat.num(1 / alpha),
                CanaryJudgeFormat.num(alpha), outcome.fired() ? " -> FIRED at " + outcome.firedAt() : "");
        return new TriggerResult(TriggerKind.POLICY_DENY_RATE, outcome.fired(), outcome.firedAt(),
                finite(outcome.observed()).orElse(null), ceiling, finite(outcome.maxEvidence()).orElse(null), detail);
    }

    /** Fires when listed codes appear in every window of an unbroken run lasting at least {@code sustainedFor}. */
    private static TriggerResult overload(OverloadTrigger trigger, List<MetricWindow> candidate) {
        Instant runStart = null;
        Instant runEnd = null;
        Instant firedAt = null;
        long longestSeconds = 0;
        for (MetricWindow w : candidate) {
            boolean overloaded = trigger.reasonCodes().stream().anyMatch(c -> w.reasonCodes().getOrDefault(c, 0L) > 0);
            if (!overloaded) {
                runStart = null;
                continue;
            }
            if (runStart == null || !w.windowStart().equals(runEnd)) {
                runStart = w.windowStart();
            }
            runEnd = w.windowEnd();
            long seconds = Duration.between(runStart, runEnd).getSeconds();
            longestSeconds = Math.max(longestSeconds, seconds);
            if (firedAt == null && seconds >= trigger.sustainedFor().getSeconds()) {
                firedAt = w.windowStart();
            }
        }
        String detail = String.format(Locale.ROOT, "%s seen in every window for at most %s; limit %s%s",
                String.join("|", trigger.reasonCodes()), PolicyFormat.duration(Duration.ofSeconds(longestSeconds)),
                PolicyFormat.duration(trigger.sustainedFor()), firedAt != null ? " -> FIRED at " + firedAt : "");
        return new TriggerResult(TriggerKind.OVERLOAD_SUSTAINED, firedAt != null, firedAt, (double) longestSeconds,
                (double) trigger.sustainedFor().getSeconds(), null, detail);
    }

    private static TriggerResult backlog(int limit, List<MetricWindow> candidate) {
        Instant firedAt = null;
        long max = 0;
        for (MetricWindow w : candidate) {
            max = Math.max(max, w.approvalBacklog());
            if (firedAt == null && w.approvalBacklog() > limit) {
                firedAt = w.windowStart();
            }
        }
        String detail = "approval backlog at most " + max + "; limit " + limit
                + (firedAt != null ? " -> FIRED at " + firedAt : "");
        return new TriggerResult(TriggerKind.APPROVAL_BACKLOG, firedAt != null, firedAt, (double) max, (double) limit,
                null, detail);
    }

    private static TriggerResult criticalIncident(List<MetricWindow> candidate) {
        Instant firedAt = null;
        long total = 0;
        for (MetricWindow w : candidate) {
            total += w.criticalIncidents();
            if (firedAt == null && w.criticalIncidents() > 0) {
                firedAt = w.windowStart();
            }
        }
        String detail = total + " critical incident(s) on the candidate" + (firedAt != null ? " -> FIRED at " + firedAt : "");
        return new TriggerResult(TriggerKind.CRITICAL_INCIDENT, firedAt != null, firedAt, (double) total, 0.0, null,
                detail);
    }

    private static java.util.Optional<Double> finite(double value) {
        return Double.isFinite(value) ? java.util.Optional.of(value) : java.util.Optional.empty();
    }
}
