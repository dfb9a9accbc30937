package dev.rollgate.core.workflow;

import dev.rollgate.core.lifecycle.TriggerCode;
import dev.rollgate.core.lifecycle.VerdictOutcome;
import dev.rollgate.core.metrics.MetricWindow;
import dev.rollgate.core.policy.RolloutPolicy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Judges one stage of a rollout from the metric windows seen since the stage began: fully (triggers, score and
 * gates) at the end of an analysis interval, and by its rollback triggers alone at the checks in between.
 */
public interface StageJudge {
    Assessment assess(RolloutPolicy policy, int stageIndex, List<MetricWindow> baseline, List<MetricWindow> canary,
                      Duration elapsed);

    /**
     * The rollback triggers alone: ROLLBACK with the fired trigger, or CONTINUE; the score is NaN (not computed).
     * This default takes the triggers of a full assessment, which is right but not cheaper; a judge whose score is
     * expensive overrides it.
     */
    default Assessment checkTriggers(RolloutPolicy policy, int stageIndex, List<MetricWindow> baseline,
                                     List<MetricWindow> canary, Duration elapsed) {
        Assessment full = assess(policy, stageIndex, baseline, canary, elapsed);
        return full.trigger().map(t -> new Assessment(full.trigger(), VerdictOutcome.ROLLBACK, Double.NaN,
                        List.of(t.code().reason().name()), Map.of()))
                .orElseGet(() -> new Assessment(Optional.empty(), VerdictOutcome.CONTINUE, Double.NaN, List.of(),
                        Map.of()));
    }

    /**
     * Whether the trigger check of this stage compares the candidate with the baseline. When it does not (a stage
     * at 100 % has no baseline traffic, so its ratio tests do not run), a trigger-only check needs no baseline
     * windows. This default says yes, which is always safe.
     */
    default boolean triggersCompareWithBaseline(RolloutPolicy policy, int stageIndex) {
        return true;
    }

    /**
     * @param trigger     a rollback trigger that fired, if any (it wins over the verdict)
     * @param outcome     the gate's recommendation
     * @param score       the judge's score 0..100
     * @param reasons     reason codes of the decision
     * @param explanation per-metric explanation, short enough for a history event
     */
    record Assessment(Optional<Fired> trigger, VerdictOutcome outcome, double score, List<String> reasons,
                      Map<String, String> explanation) {
        public Assessment {
            reasons = List.copyOf(reasons);
            explanation = Map.copyOf(explanation);
        }
    }

    record Fired(TriggerCode code, String detail) {
    }
}
