package dev.rollgate.core.workflow;

import dev.rollgate.core.lifecycle.TriggerCode;
import dev.rollgate.core.lifecycle.VerdictOutcome;
import dev.rollgate.core.metrics.MetricWindow;
import dev.rollgate.core.policy.RolloutPolicy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Judges one stage of a rollout from the metric windows seen since the stage began. */
public interface StageJudge {
    Assessment assess(RolloutPolicy policy, int stageIndex, List<MetricWindow> baseline, List<MetricWindow> canary,
                      Duration elapsed);

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
