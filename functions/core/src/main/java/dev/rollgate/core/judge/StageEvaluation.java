package dev.rollgate.core.judge;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The result of evaluating one stage: the decision and everything that explains it.
 *
 * @param stage      stage name
 * @param decision   CONTINUE, PROMOTE, HOLD or ROLLBACK
 * @param decidedAt  windowStart of the deciding window (the first firing window for a trigger), null without data
 * @param elapsed    time in stage the evaluation assumed
 * @param score      judge score 0..100, null when the score was not computed (trigger-only check, no judged metric)
 * @param scoreClass PASS / MARGINAL / FAIL, null with {@code score}
 * @param reasons    reason codes, most important first
 * @param metrics    per-metric results (empty when the score was not computed)
 * @param triggers   every trigger checked
 * @param gates      every promotion-gate condition checked (empty for a trigger-only check)
 */
public record StageEvaluation(String stage, Decision decision, Instant decidedAt, Duration elapsed, Double score,
                              ScoreClass scoreClass, List<String> reasons, List<MetricResult> metrics,
                              List<TriggerResult> triggers, List<GateCheck> gates) {
    public StageEvaluation {
        reasons = List.copyOf(reasons);
        metrics = List.copyOf(metrics);
        triggers = List.copyOf(triggers);
        gates = List.copyOf(gates);
    }
}
