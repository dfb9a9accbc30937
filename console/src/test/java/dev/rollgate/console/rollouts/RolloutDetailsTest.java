package dev.rollgate.console.rollouts;

import dev.rollgate.console.policies.CorePolicyInterpreter;
import dev.rollgate.console.support.ConsoleFixture;
import dev.rollgate.core.lifecycle.RolloutStatus;
import dev.rollgate.core.metrics.Variant;
import dev.rollgate.core.state.ApprovalRequest;
import dev.rollgate.core.state.InMemoryStateStores;
import dev.rollgate.core.state.Rollout;
import dev.rollgate.core.state.StateStores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import static dev.rollgate.console.support.ConsoleFixture.ACME;
import static org.assertj.core.api.Assertions.assertThat;

class RolloutDetailsTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final Instant START = NOW.minus(Duration.ofHours(2));

    private StateStores stores;
    private RolloutDetails details;
    private Rollout rollout;

    @BeforeEach
    void setUp() {
        stores = InMemoryStateStores.create();
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        CorePolicyInterpreter interpreter = new CorePolicyInterpreter();
        details = new RolloutDetails(new RolloutQueries(stores.rollouts(), interpreter, clock), stores.history(),
                stores.windows(), stores.approvals(), interpreter, clock);
        rollout = ConsoleFixture.start(stores, ACME, "support-agent", ConsoleFixture.ALICE, START);
        ConsoleFixture.move(stores, rollout.id(), RolloutStatus.SHADOW, 0, 0, Optional.empty(),
                START.plusSeconds(60), ConsoleFixture.stageEntered(START.plusSeconds(60), "shadow", 0));
        ConsoleFixture.move(stores, rollout.id(), RolloutStatus.CANARY, 1, 10, Optional.of(88.0),
                NOW.minus(Duration.ofMinutes(40)),
                ConsoleFixture.stageEntered(NOW.minus(Duration.ofMinutes(40)), "canary-1", 10),
                ConsoleFixture.gateEvaluated(NOW.minus(Duration.ofMinutes(10)), "canary-1", 88.0, "MARGINAL"));
        for (int i = 0; i < 3; i++) {
            Instant w = NOW.minus(Duration.ofMinutes(30 - 5 * i));
            stores.windows().put(rollout.id(), ConsoleFixture.window(Variant.CANARY, w, 1000, 8 + i, 950), NOW);
            stores.windows().put(rollout.id(), ConsoleFixture.window(Variant.BASELINE, w, 9000, 40, 900), NOW);
        }
    }

    @Test
    void the_stepper_marks_done_current_and_ahead_stages_of_the_policy() {
        RolloutDetail d = details.load(ConsoleFixture.vera(), rollout.id()).orElseThrow();

        assertThat(d.stages()).extracting(StageStep::name).containsExactly("shadow", "canary-1", "canary-2", "full");
        assertThat(d.stages()).extracting(StageStep::progress).containsExactly(StageStep.Progress.DONE,
                StageStep.Progress.CURRENT, StageStep.Progress.AHEAD, StageStep.Progress.AHEAD);
        assertThat(d.currentStage()).isEqualTo("canary-1");
        assertThat(d.timeInStage()).isEqualTo(Duration.ofMinutes(40));
    }

    @Test
    void traffic_over_time_follows_the_weights_recorded_in_history() {
        RolloutDetail d = details.load(ConsoleFixture.vera(), rollout.id()).orElseThrow();

        assertThat(d.traffic()).extracting(TrafficPoint::weight).containsExactly(0, 0, 10, 10);
        assertThat(d.traffic().get(0).at()).isEqualTo(START);
        assertThat(d.traffic().get(d.traffic().size() - 1).at()).isEqualTo(NOW);
    }

    @Test
    void a_verdict_shows_each_metric_with_values_test_result_and_threshold() {
        Verdict v = details.load(ConsoleFixture.vera(), rollout.id()).orElseThrow().verdicts().get(0);

        assertThat(v.scoreClass()).isEqualTo("MARGINAL");
        assertThat(v.score()).isEqualTo("88.0");
        assertThat(v.metrics()).extracting(Verdict.MetricExplanation::metric)
                .containsExactly("error_rate", "latency_p99");
        Verdict.MetricExplanation errors = v.metrics().get(0);
        assertThat(errors.result()).isEqualTo("PASS");
        assertThat(errors.canary()).isEqualTo("0.0052");
        assertThat(errors.baseline()).isEqualTo("0.0049");
        assertThat(errors.pValue()).isEqualTo("0.41");
        assertThat(errors.threshold()).isEqualTo("allowed effect 25%");
        assertThat(errors.explanation()).isEqualTo("no significant increase");
    }

    @Test
    void canary_and_baseline_are_compared_per_window_for_each_metric_with_data() {
        RolloutDetail d = details.load(ConsoleFixture.vera(), rollout.id()).orElseThrow();

        MetricSeries errorRate = d.comparisons().stream().filter(s -> s.metric().equals("error_rate")).findFirst()
                .orElseThrow();
        assertThat(errorRate.canary()).extracting(MetricSeries.Point::value).containsExactly(0.008, 0.009, 0.010);
        assertThat(errorRate.baseline()).hasSize(3);
        assertThat(d.comparisons()).extracting(MetricSeries::metric).contains("latency_p99_ms", "policy_deny_rate");
    }

    @Test
    void a_pending_approval_of_the_rollout_is_shown_and_the_history_is_complete() {
        ApprovalRequest request = ConsoleFixture.requestApproval(stores, rollout, "canary-1", "marginal-score", NOW,
                Duration.ofHours(4));

        RolloutDetail d = details.load(ConsoleFixture.vera(), rollout.id()).orElseThrow();

        assertThat(d.pendingApproval()).map(ApprovalRequest::id).contains(request.id());
        assertThat(d.history()).extracting(e -> e.type())
                .containsExactly("ROLLOUT_CREATED", "STAGE_ENTERED", "STAGE_ENTERED", "GATE_EVALUATED",
                        "APPROVAL_REQUESTED");
    }

    @Test
    void a_rollout_of_another_tenant_is_not_shown() {
        assertThat(details.load(ConsoleFixture.globexApprover(), rollout.id())).isEmpty();
    }
}
