package dev.rollgate.core.judge;

import dev.rollgate.core.metrics.MetricWindow;
import dev.rollgate.core.policy.RolloutPolicy;
import dev.rollgate.core.simulation.Scenario;
import dev.rollgate.core.simulation.ScenarioGenerator;
import dev.rollgate.core.simulation.ScenarioSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StageReplayTest {
    private final StageReplay replay = new StageReplay(new StageEvaluator());
    private final RolloutPolicy policy = JudgePolicyFixture.canaryPolicy();

    private static List<MetricWindow> windows(Scenario scenario, long seed) {
        return ScenarioGenerator.generate(ScenarioSpec.of(scenario, seed, WindowFixture.START));
    }

    @Test
    void stopsAtTheFirstWindowWhereATriggerFires() {
        StageReplay.Result result = replay.replay(policy, policy.stage(0), windows(Scenario.ERROR_RATE_DOUBLED, 4),
                true);

        StageEvaluation last = result.finalEvaluation();
        assertThat(last.decision()).isEqualTo(Decision.ROLLBACK);
        assertThat(result.trace()).hasSize(result.evaluations());
        assertThat(result.trace().subList(0, result.trace().size() - 1))
                .allSatisfy(e -> assertThat(e.decision()).isEqualTo(Decision.CONTINUE));
        assertThat(last.decidedAt()).isEqualTo(result.trace().get(result.trace().size() - 1).decidedAt());
        assertThat(Duration.between(WindowFixture.START, last.decidedAt())).isLessThan(Duration.ofMinutes(30));
    }

    @Test
    void scoresAtEachIntervalAndPromotesAHealthyCanaryAtTheEnd() {
        StageReplay.Result result = replay.replay(policy, policy.stage(0), windows(Scenario.HEALTHY, 8), true);

        assertThat(result.finalEvaluation().decision()).isEqualTo(Decision.PROMOTE);
        assertThat(result.trace()).hasSize(180);
        assertThat(result.trace()).filteredOn(e -> e.score() != null).extracting(StageEvaluation::elapsed)
                .containsExactly(Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(3));
    }

    @ParameterizedTest
    @EnumSource(Scenario.class)
    void withoutATraceTheDecisionIsTheSameAsCheckingEveryWindow(Scenario scenario) {
        List<MetricWindow> windows = windows(scenario, 21);

        StageReplay.Result fast = replay.replay(policy, policy.stage(0), windows, false);
        StageReplay.Result traced = replay.replay(policy, policy.stage(0), windows, true);

        assertThat(fast.finalEvaluation()).isEqualTo(traced.finalEvaluation());
        assertThat(fast.evaluations()).isLessThanOrEqualTo(traced.evaluations());
    }

    @Test
    void windowsEndingBeforeTheStageEndsLeaveItContinuing() {
        List<MetricWindow> windows = ScenarioGenerator.generate(
                ScenarioSpec.of(Scenario.HEALTHY, 3, WindowFixture.START).withMinutes(30));

        StageReplay.Result result = replay.replay(policy, policy.stage(0), windows, false);

        assertThat(result.finalEvaluation().decision()).isEqualTo(Decision.CONTINUE);
        assertThat(result.finalEvaluation().elapsed()).isEqualTo(Duration.ofMinutes(30));
    }
}
