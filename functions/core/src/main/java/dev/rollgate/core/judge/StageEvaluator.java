package dev.rollgate.core.judge;

import dev.rollgate.core.metrics.MetricWindow;
import dev.rollgate.core.metrics.Variant;
import dev.rollgate.core.policy.ApprovalMode;
import dev.rollgate.core.policy.Direction;
import dev.rollgate.core.policy.MetricSpec;
import dev.rollgate.core.policy.PolicyFormat;
import dev.rollgate.core.policy.RollbackTriggers;
import dev.rollgate.core.policy.RolloutPolicy;
import dev.rollgate.core.policy.Stage;
import dev.rollgate.core.policy.StageType;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Applies one policy stage (analysis, promotion gate, rollback triggers) to the stage's windows so far and the
 * time spent in it. This is what the workflow's Evaluate step calls; it is a pure function of its inputs.
 *
 * <p>Rules: any fired trigger rolls back. The score rolls back only when the failing metrics alone put it below
 * the marginal threshold (or a critical metric fails): missing data never causes a rollback, and never passes.
 * Before the stage's minimum duration the answer is otherwise CONTINUE. After it, PROMOTE when every gate holds,
 * else HOLD for a human (or ROLLBACK when the stage never asks for approval).
 *
 * <p>Alpha: the stage's {@code alpha} is the budget for the whole rollout; it is split equally over every
 * sequential test of every stage (Bonferroni), so the false-trigger probability of the rollout stays below it.
 * Ratio tests of a stage at 100 % have no baseline to compare with: they are not run and cost nothing.
 */
public final class StageEvaluator {
    /** Allowed latency regression for a stable-latency gate when the policy judges no latency metric. */
    public static final double STABLE_LATENCY_EFFECT = 0.10;
    private static final double DENY_GATE_CONFIDENCE_Z = 1.6449; // one-sided 95 %

    private final CanaryJudge judge;
    private final TriggerEvaluator triggers = new TriggerEvaluator();

    public StageEvaluator() {
        this(JudgeSettings.DEFAULT);
    }

    public StageEvaluator(JudgeSettings settings) {
        this.judge = new CanaryJudge(settings);
    }

    /** Full evaluation: triggers, score and gates. */
    public StageEvaluation evaluate(RolloutPolicy policy, Stage stage, Collection<MetricWindow> windows,
                                    Duration elapsed) {
        Inputs in = Inputs.of(policy, stage, windows);
        List<TriggerResult> triggerResults = checkAll(policy, stage, in);
        Optional<StageEvaluation> rollback = rollbackOnTrigger(stage, elapsed, triggerResults);
        if (rollback.isPresent()) {
            return rollback.get();
        }
        List<GateCheck> gates = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        boolean timeDone = elapsed.compareTo(stage.minDuration()) >= 0;
        gates.add(new GateCheck("min_duration", timeDone, PolicyFormat.duration(elapsed) + " of "
                + PolicyFormat.duration(stage.minDuration()) + " in stage"));
        JudgeResult score = null;
        boolean scoreRollback = false;
        if (stage.gate().judgeScore()) {
            if (policy.metrics().isEmpty()) {
                gates.add(new GateCheck("judge_score", false, "the policy judges no metric"));
                reasons.add(ReasonCode.NO_JUDGED_METRICS.name());
            } else {
                score = judge.judge(policy.metrics(), policy.groupWeights(),
                        stage.analysis().minDataPointsPerMetric(), stage.analysis().score(), in.baseline, in.candidate);
                scoreRollback = scoreGate(score, stage, gates, reasons);
            }
        }
        if (stage.gate().stableLatency()) {
            latencyGate(policy, stage, in, score, gates, reasons);
        }
        stage.gate().maxPolicyDenyRate().ifPresent(max -> denyGate(max, in.candidate, gates, reasons));
        if (stage.gate().noCriticalIncident()) {
            gates.add(new GateCheck("no_critical_incident", true, "no critical incident on the candidate"));
        }
        Decision decision;
        if (scoreRollback) {
            decision = Decision.ROLLBACK;
        } else if (!timeDone) {
            decision = Decision.CONTINUE;
            reasons.add(0, ReasonCode.STAGE_TIME_REMAINING.name());
        } else if (gates.stream().allMatch(GateCheck::met)) {
            decision = Decision.PROMOTE;
            reasons.add(0, ReasonCode.GATES_PASSED.name());
        } else if (stage.approval() == ApprovalMode.NEVER) {
            decision = Decision.ROLLBACK;
            reasons.add(ReasonCode.MARGINAL_WITHOUT_APPROVAL.name());
        } else {
            decision = Decision.HOLD;
        }
        return new StageEvaluation(stage.name(), decision, in.latestStart(), elapsed,
                score == null ? null : score.score(), score == null ? null : score.scoreClass(), dedupe(reasons),
                score == null ? List.of() : score.metrics(), triggerResults, gates);
    }

    /** Trigger-only check, for the windows between analysis intervals: ROLLBACK or CONTINUE. */
    public StageEvaluation checkTriggers(RolloutPolicy policy, Stage stage, Collection<MetricWindow> windows,
                                         Duration elapsed) {
        Inputs in = Inputs.of(policy, stage, windows);
        List<TriggerResult> triggerResults = checkAll(policy, stage, in);
        return rollbackOnTrigger(stage, elapsed, triggerResults).orElseGet(() -> new StageEvaluation(stage.name(),
                Decision.CONTINUE, in.latestStart(), elapsed, null, null, List.of(), List.of(), triggerResults,
                List.of()));
    }

    /**
     * Whether {@link #checkTriggers} compares the candidate with the baseline at this stage: only its ratio tests
     * (error, parse-failure and safety-deny ratios, judged count families) read baseline windows, and a stage at
     * 100 % runs none. When false, the trigger check gives the same answer without any baseline window.
     */
    public static boolean triggersUseBaseline(RolloutPolicy policy, Stage stage) {
        RollbackTriggers t = effectiveTriggers(stage);
        return t.maxErrorRateRatio().isPresent() || t.maxParseFailureRatio().isPresent()
                || t.maxSafetyDenyRatio().isPresent() || !countRatioTests(policy, stage).isEmpty();
    }

    private List<TriggerResult> checkAll(RolloutPolicy policy, Stage stage, Inputs in) {
        double alpha = stage.triggers().alpha() / sequentialTestsSharingAlpha(policy, stage);
        return triggers.evaluate(effectiveTriggers(stage), policy.customMetrics(), countRatioTests(policy, stage),
                in.baseline, in.candidate, alpha);
    }

    /**
     * How many sequential tests share the rollout's alpha when {@code stage} is judged: every test of every stage
     * of the policy (plus the stage's own, if it is not one of them), at least 1.
     */
    public static int sequentialTestsSharingAlpha(RolloutPolicy policy, Stage stage) {
        int total = policy.stages().stream().mapToInt(s -> sequentialTests(policy, s)).sum();
        if (policy.stages().stream().noneMatch(s -> s.name().equals(stage.name()))) {
            total += sequentialTests(policy, stage);
        }
        return Math.max(1, total);
    }

    /**
     * A stage at 100 % has no baseline traffic to compare with, so its comparative (ratio) triggers cannot run
     * and get no share of the alpha budget; absolute limits still apply.
     */
    private static RollbackTriggers effectiveTriggers(Stage stage) {
        RollbackTriggers t = stage.triggers();
        if (stage.weight() < 100) {
            return t;
        }
        return new RollbackTriggers(Optional.empty(), t.maxPolicyDenyRate(), t.overload(), t.maxApprovalBacklog(),
                Optional.empty(), Optional.empty(), t.alpha());
    }

    /** The comparative tests of judged count families; like the other ratio tests, none at 100 %. */
    private static List<CountRatioTest> countRatioTests(RolloutPolicy policy, Stage stage) {
        return stage.weight() < 100 ? CountRatioTest.of(policy.customMetrics(), policy.metrics()) : List.of();
    }

    /** Sequential tests the stage runs; each test of the rollout gets an equal share of alpha (Bonferroni). */
    static int sequentialTests(RolloutPolicy policy, Stage stage) {
        return TriggerEvaluator.sequentialTests(effectiveTriggers(stage))
                + TriggerEvaluator.customThresholdTests(policy.customMetrics())
                + countRatioTests(policy, stage).size();
    }

    private static Optional<StageEvaluation> rollbackOnTrigger(Stage stage, Duration elapsed,
                                                               List<TriggerResult> results) {
        List<TriggerResult> fired = results.stream().filter(TriggerResult::fired)
                .sorted(Comparator.comparing(TriggerResult::firedAt)).toList();
        if (fired.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new StageEvaluation(stage.name(), Decision.ROLLBACK, fired.get(0).firedAt(), elapsed,
                null, null, fired.stream().map(t -> t.trigger().reasonCode()).toList(), List.of(), results,
                List.of()));
    }

    /** Adds the judge_score gate; returns true when the score itself demands a rollback. */
    private static boolean scoreGate(JudgeResult score, Stage stage, List<GateCheck> gates, List<String> reasons) {
        boolean failuresAloneFail = ScoreClass.of(score.scoreIfDataPassed(), stage.analysis().score()) == ScoreClass.FAIL;
        boolean rollback = score.criticalFailure() || failuresAloneFail;
        if (score.criticalFailure()) {
            reasons.add(ReasonCode.CRITICAL_METRIC_FAILED.name());
        }
        if (rollback || score.scoreClass() != ScoreClass.FAIL) {
            reasons.add("SCORE_" + score.scoreClass().name());
        }
        if (score.metrics().stream().anyMatch(m -> m.outcome() == MetricOutcome.NO_DATA)) {
            reasons.add(ReasonCode.INSUFFICIENT_DATA.name());
        }
        if (score.metrics().stream().anyMatch(m -> m.outcome() == MetricOutcome.ERROR)) {
            reasons.add(ReasonCode.METRIC_ERROR.name());
        }
        gates.add(new GateCheck("judge_score", score.scoreClass() == ScoreClass.PASS, String.format(Locale.ROOT,
                "score %s (%s; pass >= %s, marginal >= %s); %s if missing data had passed%s", CanaryJudgeFormat.num(score.score()),
                score.scoreClass(), PolicyFormat.number(stage.analysis().score().pass()),
                PolicyFormat.number(stage.analysis().score().marginal()),
                CanaryJudgeFormat.num(score.scoreIfDataPassed()),
                score.criticalFailure() ? "; a critical metric failed" : "")));
        return rollback;
    }

    private void latencyGate(RolloutPolicy policy, Stage stage, Inputs in, JudgeResult score, List<GateCheck> gates,
                             List<String> reasons) {
        List<MetricResult> latency;
        String source;
        List<MetricSpec> judged = policy.metrics().stream().filter(StageEvaluator::isLatency).toList();
        if (score != null && !judged.isEmpty()) {
            latency = score.metrics().stream().filter(m -> BuiltinMetric.named(m.metric())
                    .map(BuiltinMetric::isLatency).orElse(false)).toList();
            source = "policy latency metrics";
        } else {
            List<MetricSpec> specs = judged.isEmpty() ? defaultLatencySpecs() : judged;
            latency = judge.judge(specs, java.util.Map.of(), stage.analysis().minDataPointsPerMetric(),
                    stage.analysis().score(), in.baseline, in.candidate).metrics();
            source = judged.isEmpty() ? "latency_p50/p90/p99 with allowed effect "
                    + PolicyFormat.number(STABLE_LATENCY_EFFECT) + " (the policy judges no latency metric)"
                    : "policy latency metrics";
        }
        boolean stable = latency.stream().allMatch(m -> m.outcome() == MetricOutcome.PASS);
        if (!stable) {
            reasons.add(ReasonCode.LATENCY_UNSTABLE.name());
        }
        String outcomes = latency.stream().map(m -> m.metric() + " " + m.outcome())
                .reduce((a, b) -> a + ", " + b).orElse("none");
        gates.add(new GateCheck("stable_latency", stable, outcomes + " (" + source + ")"));
    }

    private static boolean isLatency(MetricSpec spec) {
        return BuiltinMetric.named(spec.name()).map(BuiltinMetric::isLatency).orElse(false);
    }

    private static List<MetricSpec> defaultLatencySpecs() {
        return List.of(BuiltinMetric.LATENCY_P50, BuiltinMetric.LATENCY_P90, BuiltinMetric.LATENCY_P99).stream()
                .map(m -> new MetricSpec(m.metricName(), Direction.INCREASE, false, 1, "latency",
                        STABLE_LATENCY_EFFECT))
                .toList();
    }

    /** The gate holds when the one-sided 95 % upper (Wilson) bound of the pooled deny rate is within the limit. */
    private static void denyGate(double max, List<MetricWindow> candidate, List<GateCheck> gates, List<String> reasons) {
        long denies = candidate.stream().mapToLong(MetricWindow::policyDenies).sum();
        long evaluations = candidate.stream().mapToLong(MetricWindow::policyEvaluations).sum();
        if (evaluations == 0) {
            gates.add(new GateCheck("max_policy_deny_rate", false, "no policy evaluations on the candidate"));
            reasons.add(ReasonCode.INSUFFICIENT_DATA.name());
            return;
        }
        double rate = (double) denies / evaluations;
        double upper = wilsonUpper(denies, evaluations, DENY_GATE_CONFIDENCE_Z);
        boolean met = upper <= max;
        if (!met) {
            reasons.add(ReasonCode.POLICY_DENY_RATE_ABOVE_GATE.name());
        }
        gates.add(new GateCheck("max_policy_deny_rate", met, String.format(Locale.ROOT,
                "deny rate %s (%d/%d), 95%% upper bound %s, limit %s", CanaryJudgeFormat.num(rate), denies,
                evaluations, CanaryJudgeFormat.num(upper), PolicyFormat.number(max))));
    }

    static double wilsonUpper(long events, long total, double z) {
        double p = (double) events / total;
        double z2 = z * z;
        double centre = p + z2 / (2 * total);
        double spread = z * Math.sqrt(p * (1 - p) / total + z2 / (4.0 * total * total));
        return Math.min(1, (centre + spread) / (1 + z2 / total));
    }

    private static List<String> dedupe(List<String> reasons) {
        return reasons.stream().distinct().toList();
    }

    /** The stage's windows split by variant, each sorted by start. Shadow stages compare shadow to baseline. */
    private record Inputs(List<MetricWindow> baseline, List<MetricWindow> candidate) {
        static Inputs of(RolloutPolicy policy, Stage stage, Collection<MetricWindow> windows) {
            Objects.requireNonNull(policy, "policy");
            Variant candidateVariant = stage.type() == StageType.SHADOW ? Variant.SHADOW : Variant.CANARY;
            List<MetricWindow> baseline = new ArrayList<>();
            List<MetricWindow> candidate = new ArrayList<>();
            for (MetricWindow w : windows) {
                if (w.variant() == Variant.BASELINE) {
                    baseline.add(w);
                } else if (w.variant() == candidateVariant) {
                    candidate.add(w);
                }
            }
            Comparator<MetricWindow> byStart = Comparator.comparing(MetricWindow::windowStart);
            baseline.sort(byStart);
            candidate.sort(byStart);
            return new Inputs(baseline, candidate);
        }

        Instant latestStart() {
            Instant latest = null;
            for (List<MetricWindow> list : List.of(baseline, candidate)) {
                if (!list.isEmpty()) {
                    Instant last = list.get(list.size() - 1).windowStart();
                    latest = latest == null || last.isAfter(latest) ? last : latest;
                }
            }
            return latest;
        }
    }
}
