package dev.rollgate.sandbox;

import dev.rollgate.core.judge.Decision;
import dev.rollgate.core.judge.StageEvaluation;
import dev.rollgate.core.judge.StageEvaluator;
import dev.rollgate.core.policy.PolicyParseResult;
import dev.rollgate.core.policy.PolicyParser;
import dev.rollgate.core.policy.RolloutPolicy;
import dev.rollgate.core.simulation.Scenario;
import dev.rollgate.core.simulation.ScenarioGenerator;
import dev.rollgate.core.simulation.ScenarioSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The sandbox promises a user meets an approval in the marginal demo and sees the healthy one promoted. */
class DemoPolicyTest {
    private static final RolloutPolicy POLICY =
            ((PolicyParseResult.Valid) PolicyParser.parse(Sandbox.POLICY, "demo")).policy();

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void marginalCandidateHoldsForAHumanAtTheEndOfTheFirstCanary(long seed) {
        assertThat(decisionAtEndOfCanary1(Scenario.MARGINAL, seed)).isEqualTo(Decision.HOLD);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void healthyCandidatePromotes(long seed) {
        assertThat(decisionAtEndOfCanary1(Scenario.HEALTHY, seed)).isEqualTo(Decision.PROMOTE);
    }

    private static Decision decisionAtEndOfCanary1(Scenario scenario, long seed) {
        var stage = POLICY.stage(1);
        var windows = ScenarioGenerator.generate(ScenarioSpec.of(scenario, seed, Instant.parse("2026-11-27T10:00:00Z"))
                .withMinutes((int) stage.minDuration().toMinutes()));
        StageEvaluation e = new StageEvaluator().evaluate(POLICY, stage, windows, stage.minDuration()
                .plus(Duration.ofMinutes(1)));
        return e.decision();
    }
}
