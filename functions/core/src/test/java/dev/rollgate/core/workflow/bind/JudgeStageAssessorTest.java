package dev.rollgate.core.workflow.bind;

import dev.rollgate.core.judge.JudgePolicyFixture;
import dev.rollgate.core.judge.StageEvaluator;
import dev.rollgate.core.judge.WindowFixture;
import dev.rollgate.core.lifecycle.TriggerCode;
import dev.rollgate.core.lifecycle.VerdictOutcome;
import dev.rollgate.core.metrics.MetricWindow;
import dev.rollgate.core.metrics.Variant;
import dev.rollgate.core.policy.RolloutPolicy;
import dev.rollgate.core.simulation.Scenario;
import dev.rollgate.core.simulation.ScenarioGenerator;
import dev.rollgate.core.simulation.ScenarioSpec;
import dev.rollgate.core.workflow.StageJudge;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class JudgeStageAssessorTest {
    private final RolloutPolicy policy = JudgePolicyFixture.canaryPolicy();
    private final JudgeStageAssessor judge = new JudgeStageAssessor(new StageEvaluator());

    private static List<MetricWindow> of(Scenario scenario, Variant variant, int minutes) {
        return ScenarioGenerator.generate(ScenarioSpec.of(scenario, 5, WindowFixture.START).withMinutes(minutes))
                .stream().filter(w -> w.variant() == variant).toList();
    }

    @Test
    void aTriggerOnlyCheckOfAHealthyCanaryContinuesWithoutAScoreOrGates() {
        StageJudge.Assessment a = judge.checkTriggers(policy, 0, of(Scenario.HEALTHY, Variant.BASELINE, 60),
                of(Scenario.HEALTHY, Variant.CANARY, 60), Duration.ofHours(1));

        assertThat(a.trigger()).isEmpty();
        assertThat(a.outcome()).isEqualTo(VerdictOutcome.CONTINUE);
        assertThat(a.score()).isNaN();
        assertThat(a.explanation().keySet()).noneMatch(k -> k.startsWith("metric.") || k.startsWith("gate.")
                || k.equals("scoreClass"));
    }

    @Test
    void aTriggerOnlyCheckFiresTheTriggerTheFullAssessmentFires() {
        List<MetricWindow> baseline = of(Scenario.ERROR_RATE_DOUBLED, Variant.BASELINE, 60);
        List<MetricWindow> canary = of(Scenario.ERROR_RATE_DOUBLED, Variant.CANARY, 60);

        StageJudge.Assessment triggers = judge.checkTriggers(policy, 0, baseline, canary, Duration.ofHours(1));
        StageJudge.Assessment full = judge.assess(policy, 0, baseline, canary, Duration.ofHours(1));

        assertThat(triggers.trigger()).isPresent().isEqualTo(full.trigger());
        assertThat(triggers.trigger().get().code()).isEqualTo(TriggerCode.ERROR_RATE_RATIO);
        assertThat(triggers.outcome()).isEqualTo(VerdictOutcome.ROLLBACK);
        assertThat(triggers.reasons()).containsExactly("TRIGGER_ERROR_RATE_RATIO");
    }

    @Test
    void aJudgeWithoutItsOwnTriggerCheckAnswersWithTheTriggersOfItsFullAssessment() {
        StageJudge promoting = (p, stage, b, c, e) -> new StageJudge.Assessment(Optional.empty(),
                VerdictOutcome.PROMOTE, 100, List.of("GATES_PASSED"), Map.of("scoreClass", "PASS"));
        StageJudge firing = (p, stage, b, c, e) -> new StageJudge.Assessment(
                Optional.of(new StageJudge.Fired(TriggerCode.CRITICAL_INCIDENT, "1 critical incident")),
                VerdictOutcome.ROLLBACK, 0, List.of("TRIGGER_CRITICAL_INCIDENT"), Map.of());

        StageJudge.Assessment quiet = promoting.checkTriggers(policy, 0, List.of(), List.of(), Duration.ZERO);
        StageJudge.Assessment fired = firing.checkTriggers(policy, 0, List.of(), List.of(), Duration.ZERO);

        assertThat(quiet.outcome()).isEqualTo(VerdictOutcome.CONTINUE);
        assertThat(quiet.score()).isNaN();
        assertThat(quiet.explanation()).isEmpty();
        assertThat(fired.outcome()).isEqualTo(VerdictOutcome.ROLLBACK);
        assertThat(fired.trigger().map(StageJudge.Fired::code)).contains(TriggerCode.CRITICAL_INCIDENT);
        assertThat(promoting.triggersCompareWithBaseline(policy, 0)).isTrue();
    }
}
