package dev.rollgate.console.rollouts;

import dev.rollgate.console.policies.CorePolicyInterpreter;
import dev.rollgate.console.support.ConsoleFixture;
import dev.rollgate.core.lifecycle.RolloutStatus;
import dev.rollgate.core.metrics.Variant;
import dev.rollgate.core.state.InMemoryStateStores;
import dev.rollgate.core.state.Rollout;
import dev.rollgate.core.state.StateStores;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.rollgate.console.support.ConsoleFixture.ACME;
import static org.assertj.core.api.Assertions.assertThat;

/** Custom agent-quality families on the rollout detail page: charted and labelled beside the built-in metrics. */
class RolloutDetailsCustomMetricsTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final String TRIGGER = "CUSTOM_METRIC_THRESHOLD: eval_score mean 0.66 over 480 graded samples"
            + " in 12 windows (sd 0.17); sequential test of 'mean >= 0.7': e-value 512, fires at 400 (alpha 0.0025)";

    private final StateStores stores = InMemoryStateStores.create();
    private final CorePolicyInterpreter interpreter = new CorePolicyInterpreter();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final RolloutDetails details = new RolloutDetails(new RolloutQueries(stores.rollouts(), interpreter,
            clock), stores.history(), stores.windows(), stores.approvals(), interpreter, clock);

    private Rollout canaryWithQuality(String policyYaml) {
        Rollout rollout = ConsoleFixture.start(stores, ACME, "support-agent", ConsoleFixture.ALICE,
                NOW.minus(Duration.ofHours(1)), policyYaml);
        ConsoleFixture.move(stores, rollout.id(), RolloutStatus.CANARY, 1, 10, Optional.of(0.0),
                NOW.minus(Duration.ofMinutes(40)),
                ConsoleFixture.stageEntered(NOW.minus(Duration.ofMinutes(40)), "canary-1", 10),
                ConsoleFixture.gateEvaluatedWithQuality(NOW.minus(Duration.ofMinutes(5)), "canary-1", TRIGGER));
        for (int i = 0; i < 3; i++) {
            Instant w = NOW.minus(Duration.ofMinutes(30 - 5 * i));
            // The canary's second window has no graded samples: a gap in the chart, not a zero.
            stores.windows().put(rollout.id(), ConsoleFixture.qualityWindow(Variant.CANARY, w,
                    i == 1 ? null : i == 0 ? 0.70 : 0.68, 4 + i, 400), NOW);
            stores.windows().put(rollout.id(), ConsoleFixture.qualityWindow(Variant.BASELINE, w, 0.82, 2, 400),
                    NOW);
        }
        return rollout;
    }

    private static MetricSeries series(RolloutDetail d, String metric) {
        return d.comparisons().stream().filter(s -> s.metric().equals(metric)).findFirst().orElseThrow();
    }

    @Test
    void custom_families_are_charted_after_the_built_in_metrics_in_declaration_order() {
        RolloutDetail d = details.load(ConsoleFixture.vera(), canaryWithQuality(ConsoleFixture.QUALITY_POLICY_YAML)
                .id()).orElseThrow();

        List<String> names = d.comparisons().stream().map(MetricSeries::metric).toList();
        assertThat(names).endsWith("eval_score", "tool_call_rejections");
        assertThat(names.subList(0, names.size() - 2)).contains("error_rate", "latency_p99_ms")
                .allMatch(n -> series(d, n).kind() == MetricKind.BUILT_IN);
        assertThat(series(d, "eval_score").kind()).isEqualTo(MetricKind.CUSTOM_SCORE);
        assertThat(series(d, "eval_score").title()).isEqualTo("eval_score (custom score, mean per window)");
        assertThat(series(d, "tool_call_rejections").title())
                .isEqualTo("tool_call_rejections (custom count, rate per window)");
    }

    @Test
    void a_score_family_is_charted_by_its_mean_and_a_window_without_it_has_no_point() {
        RolloutDetail d = details.load(ConsoleFixture.vera(), canaryWithQuality(ConsoleFixture.QUALITY_POLICY_YAML)
                .id()).orElseThrow();

        MetricSeries eval = series(d, "eval_score");
        assertThat(eval.canary()).extracting(MetricSeries.Point::value).containsExactly(0.70, 0.68);
        assertThat(eval.baseline()).extracting(MetricSeries.Point::value).containsExactly(0.82, 0.82, 0.82);
        assertThat(series(d, "tool_call_rejections").canary()).extracting(MetricSeries.Point::value)
                .containsExactly(0.01, 0.0125, 0.015);
    }

    @Test
    void the_chart_titles_a_custom_family_with_its_kind() {
        RolloutDetail d = details.load(ConsoleFixture.vera(), canaryWithQuality(ConsoleFixture.QUALITY_POLICY_YAML)
                .id()).orElseThrow();

        Map<String, Object> config = ComparisonChartConfig.of(series(d, "eval_score"));

        assertThat(config.toString()).contains("text=eval_score (custom score, mean per window)");
    }

    @Test
    void verdict_rows_of_custom_metrics_carry_their_name_and_kind_and_the_trigger_that_named_them() {
        Verdict v = details.load(ConsoleFixture.vera(), canaryWithQuality(ConsoleFixture.QUALITY_POLICY_YAML).id())
                .orElseThrow().verdicts().get(0);

        assertThat(v.metrics()).extracting(Verdict.MetricExplanation::metric, Verdict.MetricExplanation::kind)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("error_rate", MetricKind.BUILT_IN),
                        org.assertj.core.groups.Tuple.tuple("eval_score", MetricKind.CUSTOM_SCORE),
                        org.assertj.core.groups.Tuple.tuple("tool_call_rejections", MetricKind.CUSTOM_COUNT));
        Verdict.MetricExplanation eval = v.metrics().get(1);
        assertThat(eval.result()).isEqualTo("FAIL");
        assertThat(eval.canary()).isEqualTo("0.77");
        assertThat(eval.explanation()).startsWith("eval_score:");
        assertThat(v.trigger()).startsWith("CUSTOM_METRIC_THRESHOLD: eval_score mean");
    }

    @Test
    void families_in_windows_are_still_charted_when_the_policy_cannot_be_read() {
        RolloutDetail d = details.load(ConsoleFixture.vera(), canaryWithQuality("stages: [not a stage]").id())
                .orElseThrow();

        assertThat(d.stages()).isEmpty();
        assertThat(series(d, "eval_score").kind()).isEqualTo(MetricKind.CUSTOM_SCORE);
        assertThat(series(d, "tool_call_rejections").kind()).isEqualTo(MetricKind.CUSTOM_COUNT);
        // Without the policy nobody can say the verdict's names are custom: they are shown as recorded.
        assertThat(d.verdicts().get(0).metrics()).extracting(Verdict.MetricExplanation::kind)
                .containsOnly(MetricKind.BUILT_IN);
    }

    @Test
    void a_verdict_without_a_trigger_has_an_empty_one() {
        Rollout rollout = ConsoleFixture.start(stores, ACME, "support-agent", ConsoleFixture.ALICE,
                NOW.minus(Duration.ofHours(1)), ConsoleFixture.QUALITY_POLICY_YAML);
        ConsoleFixture.move(stores, rollout.id(), RolloutStatus.CANARY, 1, 10, Optional.of(0.0),
                NOW.minus(Duration.ofMinutes(40)),
                ConsoleFixture.gateEvaluatedWithQuality(NOW.minus(Duration.ofMinutes(5)), "canary-1", ""));

        assertThat(details.load(ConsoleFixture.vera(), rollout.id()).orElseThrow().verdicts().get(0).trigger())
                .isEmpty();
    }
}
