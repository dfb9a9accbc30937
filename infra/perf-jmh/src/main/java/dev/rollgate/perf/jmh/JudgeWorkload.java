package dev.rollgate.perf.jmh;

import dev.rollgate.core.metrics.CustomMetricValue;
import dev.rollgate.core.metrics.MetricWindow;
import dev.rollgate.core.policy.PolicyParseResult;
import dev.rollgate.core.policy.PolicyParser;
import dev.rollgate.core.policy.RolloutPolicy;
import dev.rollgate.core.simulation.Scenario;
import dev.rollgate.core.simulation.ScenarioGenerator;
import dev.rollgate.core.simulation.ScenarioSpec;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The judge's workload of issue 11: one 3-hour canary stage judged on 20 metrics (the 8 built-in ones and 12
 * custom families: the two agent-quality families and five more of each kind) over 180 one-minute windows per
 * variant, healthy candidate, seeded so every run judges the same data.
 */
final class JudgeWorkload {
    static final Instant START = Instant.parse("2026-11-27T09:00:00Z");
    static final int EXTRA_FAMILIES_PER_KIND = 5;

    static final String POLICY = """
            name: jmh-20-metrics
            metrics:
              - {name: error_rate, allowed_effect: 0.25}
              - {name: latency_p50, allowed_effect: 0.10}
              - {name: latency_p90, allowed_effect: 0.10}
              - {name: latency_p99, allowed_effect: 0.10}
              - {name: policy_deny_rate, allowed_effect: 0.25}
              - {name: safety_deny_rate, allowed_effect: 0.25}
              - {name: parse_failure_rate, allowed_effect: 0.25}
              - {name: schema_violation_rate, allowed_effect: 0.25}
            custom_metrics:
              - {name: eval_score, kind: score, direction: decrease, critical: true, allowed_effect: 0.02}
              - {name: tool_call_rejections, kind: count, direction: increase, allowed_effect: 0.25, rollback_above: 0.01}
            %s
            stages:
              - name: canary
                type: canary
                weight: 10
                duration: 3h
                interval: 1h
                min_data_points_per_metric: 50
                score: {pass: 95, marginal: 75}
                gates: {judge_score: true}
                approval: on_marginal
                rollback_triggers:
                  max_error_rate_delta: 2.0
                  max_policy_deny_rate: 0.03
                  overload_reason_codes: [pool_overloaded]
                  overload_sustained_minutes: 5
                  alpha: 0.01
              - name: full
                type: full
                duration: 1h
            """.formatted(extraFamilies());

    private JudgeWorkload() {
    }

    private static String extraFamilies() {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= EXTRA_FAMILIES_PER_KIND; i++) {
            b.append("  - {name: score_").append(i)
                    .append(", kind: score, direction: decrease, allowed_effect: 0.05}\n");
            b.append("  - {name: count_").append(i)
                    .append(", kind: count, direction: increase, allowed_effect: 0.25}\n");
        }
        // The block is inserted under custom_metrics: drop the last newline, keep the list indentation.
        return b.toString().stripTrailing();
    }

    static RolloutPolicy policy() {
        PolicyParseResult parsed = PolicyParser.parse(POLICY);
        if (parsed instanceof PolicyParseResult.Invalid invalid) {
            throw new IllegalStateException("benchmark policy invalid: " + invalid.errors());
        }
        return ((PolicyParseResult.Valid) parsed).policy();
    }

    /** 180 baseline and 180 canary windows with all 20 metrics' data. */
    static List<MetricWindow> windows(long seed) {
        List<MetricWindow> generated = ScenarioGenerator.generate(
                ScenarioSpec.of(Scenario.HEALTHY, seed, START).withAgentQuality(true));
        SplittableRandom random = new SplittableRandom(seed);
        return generated.stream().map(w -> withExtraFamilies(w, random)).toList();
    }

    private static MetricWindow withExtraFamilies(MetricWindow w, SplittableRandom random) {
        Map<String, CustomMetricValue> custom = new LinkedHashMap<>(w.custom());
        for (int i = 1; i <= EXTRA_FAMILIES_PER_KIND; i++) {
            double mean = 0.7 + 0.05 * random.nextGaussian() * 0.2;
            custom.put("score_" + i, new CustomMetricValue.ScoreSummary(40, round3(mean), round3(mean - 0.2),
                    round3(mean), round3(Math.min(1.0, mean + 0.15))));
            long total = Math.max(1, w.requests() / 2);
            custom.put("count_" + i, new CustomMetricValue.CountPair(random.nextLong(Math.max(1, total / 100) + 1),
                    total));
        }
        return new MetricWindow(w.variant(), w.windowStart(), w.windowSeconds(), w.requests(), w.errors(),
                w.latencyMs(), w.policyEvaluations(), w.policyDenies(), w.safetyDenies(), w.parseFailures(),
                w.schemaViolations(), w.approvalBacklog(), w.reasonCodes(), w.criticalIncidents(), custom,
                w.routing());
    }

    private static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
